"""EventBridge's event-pattern matching, for tests: the content filters of the EventBridge user
guide ("Content filtering in Amazon EventBridge event patterns"): exact values, prefix, suffix,
wildcard, anything-but (of values, prefixes, suffixes, wildcards), exists, numeric ranges,
equals-ignore-case, and $or. The mock's test-event-pattern answers nothing, so tests match here.
"""
import ipaddress
import re

MISSING = object()

COMPARE = {"=": lambda a, b: a == b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
           ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def wildcard(pattern, value):
    # "*" matches any run of characters; "\\*" is a literal star.
    parts = re.split(r"(?<!\\)\*", pattern)
    return re.fullmatch(".*".join(re.escape(p.replace("\\*", "*")) for p in parts), value, re.S) is not None


def string_filter(name, operand, value):
    """prefix / suffix / wildcard / equals-ignore-case of one string value."""
    if not isinstance(value, str):
        return False
    if isinstance(operand, dict):  # {"prefix": {"equals-ignore-case": "x"}}
        (kind, text), = operand.items()
        assert kind == "equals-ignore-case", operand
        value, operand = value.lower(), text.lower()
    if name == "prefix":
        return value.startswith(operand)
    if name == "suffix":
        return value.endswith(operand)
    if name == "wildcard":
        return wildcard(operand, value)
    if name == "equals-ignore-case":
        return value.lower() == operand.lower()
    raise AssertionError(f"unknown string filter {name}")


def value_matches(matcher, value):
    """One element of a pattern's list against one value of the event (MISSING when absent)."""
    if not isinstance(matcher, dict):
        # Exact: a string matches a string, a number a number of the same value, null null.
        return value is not MISSING and (value == matcher and isinstance(value, bool) == isinstance(matcher, bool)
                                         and isinstance(value, str) == isinstance(matcher, str))
    (name, operand), = matcher.items()
    if name == "exists":
        return (value is not MISSING) == operand
    if value is MISSING:  # every other filter, anything-but included, needs the field
        return False
    if name in ("prefix", "suffix", "wildcard", "equals-ignore-case"):
        return string_filter(name, operand, value)
    if name == "numeric":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return all(COMPARE[operand[i]](value, operand[i + 1]) for i in range(0, len(operand), 2))
    if name == "anything-but":
        if isinstance(operand, dict):
            return not value_matches(operand, value)
        excluded = operand if isinstance(operand, list) else [operand]
        return not any(value_matches(e, value) for e in excluded)
    if name == "cidr":
        return isinstance(value, str) and ipaddress.ip_address(value) in ipaddress.ip_network(operand, strict=False)
    raise AssertionError(f"unknown filter {name}")


def field_matches(matchers, value):
    values = value if isinstance(value, list) else [value]
    if not values:
        values = [MISSING]
    return any(value_matches(m, v) for m in matchers for v in values)


def matches(pattern, event):
    """Whether `event` matches `pattern` (both parsed JSON)."""
    for key, sub in pattern.items():
        if key == "$or":
            if not any(matches(p, event) for p in sub):
                return False
            continue
        value = event.get(key, MISSING) if isinstance(event, dict) else MISSING
        if isinstance(sub, dict):
            if not matches(sub, value if isinstance(value, dict) else {}):
                return False
        elif not field_matches(sub, value):
            return False
    return True


def resolved(value):
    """A pattern as a template holds it, with each {"Ref": id} replaced by the referenced logical id."""
    if isinstance(value, dict):
        if set(value) == {"Ref"}:
            return value["Ref"]
        return {k: resolved(v) for k, v in value.items()}
    if isinstance(value, list):
        return [resolved(v) for v in value]
    return value
