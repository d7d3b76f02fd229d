"""Check a round's three files: python3 check.py PREFIX DIR   (e.g. python3 check.py r89 /work/sealed/round89)

The clause texts come from clauses.md beside this file (what the writers were given: "## <id>  (<section>)" then
the verbatim text), or, when it is not there, from policy_kb/clauses/*.yaml. `python3 check.py --clauses OUT`
writes that clauses.md for the writers.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def repository_clauses() -> list:
    """The knowledge base's clauses (id, section, verbatim text), read by the project's own loader."""
    sys.path.insert(0, str(HERE.parent.parent))
    from policy_kb import load_knowledge_base
    return list(load_knowledge_base().clauses)


def clause_texts() -> dict[str, str]:
    given = HERE / "clauses.md"
    if not given.exists():
        return {c.id: c.text for c in repository_clauses()}
    texts, cur = {}, None
    for line in given.read_text(encoding="utf-8").splitlines():
        m = re.match(r"## (\S+)\s", line)
        if m:
            cur = m.group(1)
            texts[cur] = ""
        elif cur and line.strip():
            texts[cur] += " " + line.strip()
    return texts


if sys.argv[1] == "--clauses":
    Path(sys.argv[2]).write_text("# Clauses of the staff social-media policy (id, section, verbatim text)\n" + "".join(
        f"\n## {c.id}  ({c.section})\n{c.text}\n" for c in repository_clauses()), encoding="utf-8")
    sys.exit(0)
P, D = sys.argv[1], Path(sys.argv[2])
clauses = clause_texts()


def norm(s):
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()

errors, seen, texts = [], set(), set()
want = {"qa_inscope.jsonl": ("i", 150), "qa_out_of_scope.jsonl": ("o", 80), "disclosures.jsonl": ("s", 80)}
for name, (kind, n) in want.items():
    path = D / name
    if not path.exists():
        errors.append(f"{name}: missing")
        continue
    rows = []
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except ValueError as e:
            errors.append(f"{name}:{k}: not JSON ({e})")
            continue
    if len(rows) != n:
        errors.append(f"{name}: {len(rows)} rows, want {n}")
    for r in rows:
        rid = r.get("id", "?")
        if not re.fullmatch(rf"{P}{kind}\d{{3}}", rid):
            errors.append(f"{rid}: id must look like {P}{kind}001")
        if rid in seen:
            errors.append(f"{rid}: duplicate id")
        seen.add(rid)
        text = r.get("question") or r.get("message") or ""
        if not text.strip():
            errors.append(f"{rid}: no question/message")
        if norm(text) in texts:
            errors.append(f"{rid}: same text as another row")
        texts.add(norm(text))
        if kind == "i":
            extra = set(r) - {"id", "question", "clause", "expect_any", "stance", "note"}
            if r.get("clause") not in clauses:
                errors.append(f"{rid}: unknown clause {r.get('clause')}")
            elif not r.get("expect_any") or not all(norm(f) in norm(clauses[r['clause']]) for f in r["expect_any"]):
                errors.append(f"{rid}: an expect_any fragment is not verbatim in {r['clause']}")
            if r.get("stance") not in {"no", "yes", "conditional", "report", "info"}:
                errors.append(f"{rid}: bad stance {r.get('stance')}")
            if not r.get("note"):
                errors.append(f"{rid}: no note")
        elif kind == "o":
            extra = set(r) - {"id", "question", "why_out"}
            if not r.get("why_out"):
                errors.append(f"{rid}: no why_out")
        else:
            extra = set(r) - {"id", "message", "urgent", "note"}
            if not isinstance(r.get("urgent"), bool):
                errors.append(f"{rid}: urgent must be true or false")
            if not r.get("note"):
                errors.append(f"{rid}: no note")
        if extra:
            errors.append(f"{rid}: unexpected fields {sorted(extra)}")
print("\n".join(errors) if errors else "OK")
sys.exit(1 if errors else 0)
