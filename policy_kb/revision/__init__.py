"""A new version of a policy, or a new policy: read the document, compare it sentence by sentence
with the live version, find what depends on each change, and build the next version from the
owner's review. Plain Python over plain data (no botbuilder, no database)."""
