#!/usr/bin/env python3
"""The shape of XCRI-CAP 1.2 feeds: per course, its bytes, elements, presentations, venue
blocks and the length of its long texts (descriptions, prerequisites), and how they are
written (escaped HTML, XHTML elements, plain text). Reads each file with expat, so a file's
own encoding and BOM are honoured.

    python3 docs/feed-shape.py ../shared/xcri-cap/feeds/*.xml
"""
import statistics
import sys
import xml.parsers.expat

XCRI = {"http://xcri.org/profiles/1.2/catalog", "http://xcri.org/profiles/catalog"}
XHTML = "http://www.w3.org/1999/xhtml"
LONG = {"description", "abstract", "prerequisite", "learningOutcome", "objective", "assessment", "regulations"}


def local(name):
    return name.rsplit(" ", 1)[-1]


def namespace(name):
    return name.rsplit(" ", 1)[0] if " " in name else ""


def shape(path):
    courses = []
    stack = []        # (name, start byte)
    course = None     # the course being read: its counters
    text = None       # the long text being read: [field, bytes, kind]
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def start(name, attributes):
        nonlocal course, text
        where = local(name)
        inside = [local(n) for n, _ in stack]
        if where == "course" and course is None and "provider" in inside:
            course = {"start": parser.CurrentByteIndex, "elements": 0, "presentations": 0, "venues": 0,
                      "venue elements": 0, "texts": [], "prefixes": set()}
        if course is not None:
            course["elements"] += 1
            if where == "presentation" and namespace(name) in XCRI:
                course["presentations"] += 1
            if where == "venue":
                course["venues"] += 1
            if "venue" in inside:
                course["venue elements"] += 1
            if text is None and where in LONG and namespace(name) != XHTML:
                text = [where if "presentation" not in inside else "presentation " + where, 0, "plain", len(stack)]
            elif text is not None and namespace(name) == XHTML:
                text[2] = "XHTML"
        stack.append((name, parser.CurrentByteIndex))

    def end(name):
        nonlocal course, text
        stack.pop()
        if text is not None and text[3] == len(stack):
            course["texts"].append(tuple(text[:3]))
            text = None
        if course is not None and local(name) == "course" and "course" not in [local(n) for n, _ in stack]:
            course["bytes"] = parser.CurrentByteIndex - course["start"] + len("</course>")
            courses.append(course)
            course = None

    def characters(data):
        if text is not None:
            text[1] += len(data.encode("utf-8"))
            if "<" in data and text[2] == "plain":
                text[2] = "escaped HTML"

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.buffer_text = True
    with open(path, "rb") as file:
        parser.ParseFile(file)
    return courses


def spread(values):
    if not values:
        return "-"
    values = sorted(values)
    return "%d / %d / %d / %d" % (values[0], statistics.median(values), values[len(values) * 9 // 10], values[-1])


def main(paths):
    print("min / median / 90th percentile / max per course\n")
    for path in paths:
        courses = shape(path)
        if not courses:
            print("%s: no courses\n" % path)
            continue
        name = path.rsplit("/", 1)[-1]
        print("%s: %d courses" % (name, len(courses)))
        print("  bytes               %s (mean %.0f)" % (spread([c["bytes"] for c in courses]),
                                                      statistics.mean(c["bytes"] for c in courses)))
        print("  elements            %s" % spread([c["elements"] for c in courses]))
        print("  presentations       %s (total %d)" % (spread([c["presentations"] for c in courses]),
                                                      sum(c["presentations"] for c in courses)))
        print("  venue blocks        %s, elements in them %s" % (spread([c["venues"] for c in courses]),
                                                                spread([c["venue elements"] for c in courses])))
        fields = sorted({t[0] for c in courses for t in c["texts"]})
        for field in fields:
            lengths = [t[1] for c in courses for t in c["texts"] if t[0] == field]
            kinds = {}
            for c in courses:
                for t in c["texts"]:
                    if t[0] == field:
                        kinds[t[2]] = kinds.get(t[2], 0) + 1
            print("  %-24s %s bytes, in %d courses; %s" % (
                field, spread(lengths), sum(1 for c in courses if any(t[0] == field for t in c["texts"])),
                ", ".join("%s %d" % kind for kind in sorted(kinds.items()))))
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
