#!/usr/bin/env python3
"""Holds what Warta read of feedparser's tests/wellformed to those files' own "Expect:" lines.

Input: the JSON lines CorpusRun.java writes (--items). Each file under .../wellformed/ has a comment whose
"Expect:" line is a Python expression over feedparser's result (e.g. ``not bozo and entries[0]['title'] == 'x'``).

Comparable are the lines about the fields Warta keeps of an item and nothing else: entries[i]['title'], ['link'],
['author'], ['summary'] (and its alias ['description']), ['published'], ['updated'] and their ``_parsed`` forms,
with ``bozo``. Lines that also look at the feed, at other item fields or inside a field (``['title_detail']``,
``['content'][0]``) are not, nor is ``sanitize/`` (745 files about which tags and attributes an HTML sanitizer
keeps: with markup compared away, as it must be for Warta's plain-text titles and summaries, they test nothing).

Such a line is evaluated with Python against Warta's items:
- ``bozo`` is False for a file Warta read (a refused file holds no line);
- a title, summary or author equals the expected string when it equals it as written or as the text of its
  markup (tags dropped, entities decoded), white space collapsed; an author written "Name (address)" is the name,
  since Warta keeps who wrote, not an address;
- ``published``/``updated`` compare as instants (the expected string is parsed as RFC 822 or ISO 8601), and the
  ``_parsed`` forms are Python's UTC time tuples, as feedparser gives them.
Prints every line that does not hold, with what Warta read, and "N of M hold".
"""
import datetime
import email.utils
import html
import html.parser
import json
import re
import sys

FIELDS = {"title", "link", "author", "summary", "description", "published", "updated", "published_parsed",
          "updated_parsed"}
EXPECT = re.compile(r"Expect:\s*(.*)")
FIELD_REF = re.compile(r"entries\[\d+\]\['(\w+)'\]")
INSIDE_FIELD = re.compile(r"entries\[\d+\]\['\w+'\]\[")
OTHER_NAMES = re.compile(r"\b(feed|headers|version|encoding|bozo_exception|namespaces|href|status|datetime)\b")
# A Python string literal (triple-quoted first), so names inside expected values are not taken for the expression's.
STRING_LITERAL = re.compile(r'''("""|\'\'\'|"|')(?:\\.|(?!\1).)*\1''', re.S)
SPACES = re.compile(r"\s+")
NAME_AND_ADDRESS = re.compile(r"^(.*?)\s*\([^()]*@[^()]*\)$")


class _Text(html.parser.HTMLParser):
    def __init__(self, tag_text):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.tag_text = tag_text

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts.append(self.tag_text)

    def handle_endtag(self, tag):
        self.parts.append(self.tag_text)


def text_of(markup, tag_text):
    parser = _Text(tag_text)
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def forms(value):
    """A string as written and as the text of its markup (tags dropped, or read as a space), white space collapsed."""
    forms = {SPACES.sub(" ", value).strip()}
    for tag_text in ("", " "):
        forms.add(SPACES.sub(" ", html.unescape(text_of(value, tag_text))).strip())
    return forms


class Text(str):
    """A value Warta keeps as text: equal to a string that says the same once markup is compared away."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        return bool(forms(str(self)) & forms(other))

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class Author(Text):
    def __eq__(self, other):
        if isinstance(other, str):
            m = NAME_AND_ADDRESS.match(other.strip())
            if m and Text.__eq__(self, m.group(1)):
                return True
        return Text.__eq__(self, other)

    __hash__ = str.__hash__


def instant(text):
    if text is None:
        return None
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Date:
    """A date Warta read, equal to a string that names the same instant."""

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        try:
            stated = email.utils.parsedate_to_datetime(other)
        except (TypeError, ValueError):
            try:
                stated = datetime.datetime.fromisoformat(other.replace("Z", "+00:00"))
            except ValueError:
                return False
        if stated.tzinfo is None:
            stated = stated.replace(tzinfo=datetime.timezone.utc)
        return stated == self.value

    def __repr__(self):
        return repr(self.value.isoformat())


def time_tuple(value):
    t = value.astimezone(datetime.timezone.utc).timetuple()
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, 0)


def entry(item):
    e = {}
    for field, kind in (("title", Text), ("summary", Text), ("author", Author)):
        if item.get(field) is not None:
            e[field] = kind(item[field])
    if "summary" in e:
        e["description"] = e["summary"]
    if item.get("link") is not None:
        e["link"] = item["link"]
    for field in ("published", "updated"):
        value = instant(item.get(field))
        if value is not None:
            e[field] = Date(value)
            e[field + "_parsed"] = time_tuple(value)
    return e


def comparable(expression, path):
    if "/sanitize/" in path:
        return False
    fields = FIELD_REF.findall(expression)
    return bool(fields) and set(fields) <= FIELDS and not INSIDE_FIELD.search(expression) \
        and not OTHER_NAMES.search(STRING_LITERAL.sub("''", expression))


def expectation(path):
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", "replace")
    m = EXPECT.search(head)
    return m.group(1).strip() if m else None


def main():
    held, total, misses = 0, 0, []
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            result = json.loads(line)
            path = result["file"]
            if "/wellformed/" not in path:
                continue
            expression = expectation(path)
            if expression is None or not comparable(expression, path):
                continue
            total += 1
            if result["outcome"] != "read":
                misses.append((path, expression, result["outcome"] + ": " + result.get("error", "")[:200]))
                continue
            entries = [entry(i) for i in result["items"]]
            try:
                ok = bool(eval(expression, {"__builtins__": {}}, {"bozo": False, "entries": entries}))
            except (KeyError, IndexError, TypeError) as e:
                ok, why = False, f"{type(e).__name__}: {e}"
            else:
                why = repr(result["items"][:2])
            if ok:
                held += 1
            else:
                misses.append((path, expression, why))
    for path, expression, why in misses:
        print(f"DIFFERS {path}\n  expect: {expression}\n  warta:  {why}")
    print(f"feedparser Expect lines (wellformed, Warta's item fields): {held} of {total} hold")


if __name__ == "__main__":
    main()
