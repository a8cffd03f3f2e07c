#!/usr/bin/env bash
# Rebuilds the PDFs the PDF adapter tests read, the way real reports are made:
# Markdown or a script -> DOCX (real Word tables, numbering, heading styles, page
# headers and footers) -> LibreOffice "save as PDF". The results are committed, so
# the tests never need these tools.
# Needs pandoc, LibreOffice (soffice), qpdf, poppler-utils (pdftoppm), node.
set -euo pipefail
cd "$(dirname "$0")"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Kazakhstan sample with its score table as a pipe table (pandoc's default column
# widths are narrow, so LibreOffice wraps "Year", "Q10", "2021", "4.33" inside cells).
pandoc src/kazakhstan-2023.md -o "$WORK/kazakhstan-2023.docx"
pandoc src/paren-markers.md -o "$WORK/paren-markers.docx"
# Two footnotes at the foot of the page where item 3 runs over the page break; their
# references are raised above the baseline by more than the line tolerance.
pandoc src/footnote-break.md -o "$WORK/footnote-break.docx"
# About 100 pages: 70 score tables with wrapped cells and 420 items, many cut by page breaks.
python3 src/make-long-report.py 70 > "$WORK/long-report.md"
pandoc "$WORK/long-report.md" -o "$WORK/long-report.docx"
# Page header and footer ("Page N of M"), Yes/Partly/No table with an empty cell,
# a numbered list running over a page break, a table over two pages, a list set in two columns.
node src/make-docx.mjs "$WORK"

for name in kazakhstan-2023 paren-markers footnote-break freedonia-2023 long-table two-columns long-report; do
  soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/$name.docx" >/dev/null 2>&1
  cp "$WORK/$name.pdf" "$name.pdf"
done

# A browser-printed page: a score table with cells padded by 3px (cells closer than a
# wide gap), a footnote number after an answer, a heading wrapped over two lines.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/tight-table.pdf" src/tight-table.html 2>/dev/null
# Cells 2px apart in columns so narrow that "Partly" and "2021" break inside the word.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/narrow-cells.pdf" src/narrow-cells.html 2>/dev/null
# Full-width title, table and paragraph above lists set in two justified columns: the
# stretched word spaces cut lines into pieces, the heading wraps, the columns' baselines differ.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/justified-columns.pdf" src/justified-columns.html 2>/dev/null
# Thick cell borders and no cell padding: only the 3px rule's width (under a word space)
# stands between the header's cells.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/thick-rules.pdf" src/thick-rules.html 2>/dev/null
# A footnote whose number is printed in the note's own small size, not raised
# ("1Complaint figures …"), at the foot of the page where item 3 runs over the break.
soffice --headless --convert-to pdf --outdir "$WORK" src/footnote-plain-number.fodt >/dev/null 2>&1
cp "$WORK/footnote-plain-number.pdf" footnote-plain-number.pdf

# Unreadable inputs.
qpdf --encrypt user owner 256 -- kazakhstan-2023.pdf encrypted.pdf
head -c 12000 kazakhstan-2023.pdf > truncated.pdf
# A scan: both pages as pictures, one per page of a document saved as PDF; no text layer.
pdftoppm -png -r 50 -gray kazakhstan-2023.pdf "$WORK/scan"
printf '![](%s){width=90%%}\n\n\\newpage\n\n![](%s){width=90%%}\n' "$WORK/scan-1.png" "$WORK/scan-2.png" > "$WORK/scan.md"
pandoc "$WORK/scan.md" -o "$WORK/scan.docx"
soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/scan.docx" >/dev/null 2>&1
cp "$WORK/scan.pdf" image-only.pdf
echo "PDFs rebuilt"
