"""Safeguarding reports: contacts and routing, the encrypted append-only store, the outbox,
escalation and export. Plain Python: no botbuilder imports here."""
