#!/usr/bin/env bash
# Builds the two benchmark corpora of dossier-search from Debian packages:
#
#   fr-docs-20mb.jsonl.gz    7,683 articles, 20.3 MB of modern technical French
#                            (French man pages, LibreOffice, GIMP and LilyPond
#                            help, Debian guides), cut at paragraph breaks
#   fr-littre-20mb.jsonl.gz  5,442 entries of the Littré dictionary, 20.7 MB
#
# One JSON object a line: {"id", "source", "title", "text"}. The packages are
# downloaded with apt-get download and unpacked with dpkg-deb -x, never
# installed; extract.py turns them into text (man pages rendered by man -l)
# and build_bench.py draws the two sets with a fixed seed, so that the same
# package versions give the same files: SHA256SUMS holds the sums of the
# uncompressed JSONL of Debian bookworm's packages, which the script checks.
#
# Needs a Debian machine (bookworm) with apt-get, dpkg-deb, python3, man-db,
# groff-base and bsdextrautils (col); run as root, it refreshes the package
# lists first (apt-get update), else do it yourself. About 150 MB of
# downloads. A point release of a package since the benchmarks were built
# can change a few articles: the script then says the sums differ.
#
# Usage: tools/corpus/build.sh [OUT_DIR]    (default: ./corpus)
# Then:  DOSSIER_CORPUS=OUT_DIR/fr-docs-20mb.jsonl.gz go test -run XXX -bench . .
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-corpus}" && cd "${1:-corpus}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

packages="manpages-fr libreoffice-help-fr gimp-help-fr lilypond-doc-html-fr debian-reference-fr
developers-reference-fr debian-faq-fr maint-guide-fr aptitude-doc-fr debian-handbook debian-edu-doc-fr
installation-guide-amd64 stardict-xmlittre"

mkdir -p "$work/deb" "$work/x"
if [ "$(id -u)" = 0 ]; then
	apt-get update -qq # the mirrors keep only the latest point release of each package
fi
(cd "$work/deb" && apt-get download $packages)
for d in "$work"/deb/*.deb; do
	p=$(basename "$d"); p=${p%%_*}
	mkdir -p "$work/x/$p"
	dpkg-deb -x "$d" "$work/x/$p"
done
python3 "$here/extract.py" "$work/x" "$work/out"
python3 "$here/build_bench.py" "$work/out" "$work/bench"

cd "$work/bench"
if sha256sum --check --quiet "$here/SHA256SUMS"; then
	echo "build.sh: the corpora are those of the benchmarks (SHA256SUMS)"
else
	echo "build.sh: the corpora differ from those of the benchmarks (other package versions?)" >&2
fi
for f in fr-docs-20mb.jsonl fr-littre-20mb.jsonl; do
	gzip -n -9 -c "$f" > "$out/$f.gz"
done
ls -l "$out"
