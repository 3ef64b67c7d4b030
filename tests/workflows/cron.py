"""EventBridge cron(...) expressions evaluated at concrete UTC times, as EventBridge rules fire them:
six fields (minutes hours day-of-month month day-of-week year) of values, names (JAN-DEC,
SUN-SAT; day-of-week 1 = SUN), ranges, lists, steps (0/15, */5), * and ?. The day fields' L, W and #
are not supported (an error says so)."""
import datetime
import re

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
FIELDS = [("minutes", 0, 59, []), ("hours", 0, 23, []), ("day_of_month", 1, 31, []), ("month", 1, 12, MONTHS),
          ("day_of_week", 1, 7, DAYS), ("year", 1970, 2199, [])]


def values(text, low, high, names):
    """The set of values a field allows; None for "?" (no constraint)."""
    if text == "?":
        return None
    if re.search(r"[LW#]", text):
        raise ValueError(f"cron field {text!r}: L, W and # are not supported here")
    allowed = set()
    for part in text.split(","):
        base, _, step = part.partition("/")
        if base == "*":
            start, end = low, high
        else:
            first, _, last = base.partition("-")
            number = lambda t: names.index(t.upper()) + low if t.upper() in names else int(t)  # noqa: E731
            start = number(first)
            end = number(last) if last else (high if step else start)
        allowed.update(range(start, end + 1, int(step) if step else 1))
    return allowed


def parse(expression):
    """{field: allowed values or None} of "cron(...)"."""
    match = re.fullmatch(r"cron\((.*)\)", expression.strip())
    if not match or len(match[1].split()) != 6:
        raise ValueError(f"not a six-field cron expression: {expression}")
    return {name: values(text, low, high, names) for text, (name, low, high, names) in zip(match[1].split(), FIELDS)}


def fires(expression, when):
    """Whether the rule fires at `when` (a UTC datetime; seconds are ignored)."""
    fields = parse(expression)
    day_of_week = (when.weekday() + 1) % 7 + 1  # Monday is 2, Sunday 1
    checks = [("minutes", when.minute), ("hours", when.hour), ("day_of_month", when.day), ("month", when.month),
              ("day_of_week", day_of_week), ("year", when.year)]
    return all(fields[name] is None or value in fields[name] for name, value in checks)


def firings(expression, start, end, step=datetime.timedelta(minutes=1)):
    """Every minute in [start, end) the rule fires at."""
    found, when = [], start
    while when < end:
        if fires(expression, when):
            found.append(when)
        when += step
    return found
