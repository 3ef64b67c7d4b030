"""Just enough HiveQL reading for the checks: comments stripped, statements split on ';' outside
quotes and backticks, ${NAME} variables, and the rules every platform script keeps."""
import re

VARIABLE = re.compile(r"\$\{([^}]*)\}")
TABLE_NAME = r"([A-Za-z0-9_${}.]+)"


def strip_comments(text):
    """The text without '--' comments (outside quotes), lines kept."""
    out, quote, i = [], None, 0
    while i < len(text):
        c = text[i]
        if quote:
            out.append(c)
            quote = None if c == quote else quote
        elif c in "'\"`":
            quote = c
            out.append(c)
        elif text.startswith("--", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def statements(text):
    """(statements, what follows the last ';'), statements whitespace-normalized."""
    parts, current, quote = [], [], None
    for c in strip_comments(text):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"`":
            quote = c
        elif c == ";":
            parts.append(" ".join("".join(current).split()))
            current = []
            continue
        current.append(c)
    return [p for p in parts if p], "".join(current).strip()


def variables(text):
    return set(VARIABLE.findall(strip_comments(text)))


def problems(text, expected_variables):
    """What breaks the platform's rules in a script, as messages (none when it keeps them)."""
    found = []
    parsed, rest = statements(text)
    if rest:
        found.append(f"unterminated statement at the end: {rest[:60]!r}")
    used = variables(text)
    for name in sorted(used - set(expected_variables)):
        found.append(f"${{{name}}} is used but the step does not pass it (-d {name}=...)"
                     if ":" not in name else f"${{{name}}}: use the -d form ${{NAME}}")
    for name in sorted(set(expected_variables) - used):
        found.append(f"the step passes {name} but the script never uses ${{{name}}}")
    temporary = {m.lower() for s in parsed for m in re.findall(r"(?i)^CREATE TEMPORARY (?:EXTERNAL )?TABLE (?:IF NOT EXISTS )?" + TABLE_NAME, s)}
    inserts = 0
    for statement in parsed:
        dropped = re.match(r"(?i)^DROP TABLE (?:IF EXISTS )?" + TABLE_NAME, statement)
        if dropped and dropped[1].lower() not in temporary:
            found.append(f"drops {dropped[1]}, which is not a temporary table of the script")
        if re.match(r"(?i)^(TRUNCATE|DROP DATABASE|ALTER TABLE \S+ DROP)\b", statement):
            found.append(f"destroys data: {statement[:60]!r}")
        if re.match(r"(?i)^(INSERT|FROM)\b", statement):
            inserts += 1
            # One static partition, overwritten: a relaunched step replaces what it wrote.
            if not re.match(r"(?i)^INSERT OVERWRITE TABLE " + TABLE_NAME + r" PARTITION \(\w+\s*=\s*'[^',]*'\) SELECT\b", statement):
                found.append(f"a write that is not INSERT OVERWRITE of one static partition: {statement[:80]!r}")
    if inserts != 1:
        found.append(f"{inserts} partition writes: expected one")
    return found
