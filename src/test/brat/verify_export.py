#!/usr/bin/env python3
"""Checks an unpacked Credence brat export with brat's own reader and verifier.

Usage: verify_export.py BRAT_SERVER_SRC EXPORT_DIR

BRAT_SERVER_SRC is brat's server/src directory (placed under target/ by
scripts/fetch-brat.sh; brat's code is not part of this repository). Every
.ann file under EXPORT_DIR is read with brat's annotation.TextAnnotations
(which checks each text-bound annotation's offsets and text against the .txt)
and checked with verify_annotations.verify_annotation against the
annotation.conf brat finds for it (its own directory or a parent).

Any line brat cannot parse, any error or warning brat reports while reading a
file or its configuration, and any issue of the verifier fails the run
(exit status 1). Prints one line per problem and a summary.
"""
import codecs
import os
import sys
import types


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    brat_src, export_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    sys.path.insert(0, brat_src)

    # brat's server reads its settings from a config.py made at installation; the reader
    # and verifier need only these two. BASE_DIR bounds the upward search for annotation.conf
    # and visual.conf (brat's install directory in a real set-up): the export's root here.
    config = types.ModuleType("config")
    config.BASE_DIR = export_dir
    config.DEBUG = False
    sys.modules["config"] = config

    import annotation
    import projectconfig
    import verify_annotations

    # brat opens files with codecs.open(name, 'rU', 'utf8'): codecs adds 'b', and Python 3.11
    # removed the 'U' flag that 3.10 still accepted (and ignored in binary mode). Same call
    # without 'U' = brat's reading on Python <= 3.10: UTF-8, strict, no newline translation.
    def open_textfile(filename, mode="r"):
        return codecs.open(filename, mode.replace("U", ""), encoding="utf8", errors="strict")

    annotation.open_textfile = open_textfile
    projectconfig.open_textfile = open_textfile

    # Collect what brat's configuration code reports instead of queueing it for a browser.
    config_messages = []

    class Collector:
        @staticmethod
        def info(msg, *a, **k):
            pass

        @staticmethod
        def debug(msg, *a, **k):
            pass

        @staticmethod
        def warning(msg, *a, **k):
            config_messages.append("config warning: " + str(msg))

        @staticmethod
        def error(msg, *a, **k):
            config_messages.append("config error: " + str(msg))

    projectconfig.Messager = Collector

    problems = []
    files = 0
    textbounds = relations = attributes = notes = 0
    for root, _dirs, names in sorted(os.walk(export_dir)):
        for name in sorted(names):
            if not name.endswith(".ann"):
                continue
            files += 1
            path = os.path.join(root, name)
            base = path[: -len(".ann")]
            if not os.path.exists(base + ".txt"):
                problems.append("%s: no .txt beside it" % path)
                continue
            conf = projectconfig.ProjectConfiguration(root)
            if not os.path.exists(projectconfig.get_config_path(root) or ""):
                problems.append("%s: no annotation.conf in its directory or a parent" % path)
            with annotation.TextAnnotations(base, read_only=True) as ann:
                for line in ann.failed_lines:
                    problems.append("%s: brat could not parse line %d: %r" % (path, line + 1, ann._lines[line]))
                for msg in ann.messages.messages.errors:
                    problems.append("%s: reader error: %s" % (path, msg))
                for msg in ann.messages.messages.warnings:
                    problems.append("%s: reader warning: %s" % (path, msg))
                if not ann.failed_lines:  # the verifier assumes every line parsed
                    for issue in verify_annotations.verify_annotation(ann, conf):
                        problems.append("%s: %s" % (path, issue.human_readable_str()))
                textbounds += len(list(ann.get_textbounds()))
                relations += len(list(ann.get_relations()))
                attributes += len(list(ann.get_attributes()))
                notes += len(list(ann.get_oneline_comments()))
    for msg in config_messages:
        problems.append(msg)
    for p in problems:
        print(p)
    print("checked %d .ann files: %d text-bound, %d relations, %d attributes, %d notes; %d problems"
          % (files, textbounds, relations, attributes, notes, len(problems)))
    return 1 if problems or files == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
