#!/usr/bin/env python3
"""hostile-pdfs.py: writes hostile and odd PDFs for the robustness tests and
for 'make fuzz': truncations at many offsets, flipped bytes, a broken xref,
deep object nesting, an enormous page count, a decompression bomb, a page
with megabytes of text, a PDF of 5,000 pages, and odd file names.

    tests/tools/hostile-pdfs.py SOURCE.pdf OUTDIR [--many]"""
import os, random, sys, zlib

from pdfwrite import FONT as font, page_pdf, pdf

src, out = sys.argv[1], sys.argv[2]
many = '--many' in sys.argv
os.makedirs(out, exist_ok=True)
data = open(src, 'rb').read()
rnd = random.Random(20261124)  # deterministic

def write(name, b):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(b)

# truncated at many offsets, and with flipped bytes
steps = 60 if many else 12
for k in range(1, steps + 1):
    write('truncated-%03d.pdf' % k, data[: len(data) * k // (steps + 1)])
for k in range(steps):
    b = bytearray(data)
    for _ in range(1 + k % 8):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    write('flipped-%03d.pdf' % k, bytes(b))

# a broken xref: offsets that point nowhere
b = data.replace(b'xref', b'xref', 1)
i = b.rfind(b'xref')
if i > 0:
    write('broken-xref.pdf', b[:i] + b'xref\n0 3\n0000000000 65535 f \n9999999999 00000 n \n0000000001 00000 n \n' + b[i + 40:])

# deep nesting: an array inside an array, 20,000 deep
write('deep-nesting.pdf', pdf([b'<< /Type /Catalog /Pages 2 0 R /Deep ' + b'[' * 20000 + b']' * 20000 + b' >>',
                               b'<< /Type /Pages /Kids [] /Count 0 >>']))
# an enormous page count with one real page
write('enormous-count.pdf', pdf([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>',
                                 b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>']))
# a decompression bomb: 400 MB of zeros in a 400 kB stream
bomb = zlib.compress(b'\0' * (400 << 20), 9)
write('decompression-bomb.pdf', pdf([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                                     b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
                                     b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(bomb) + bomb + b'\nendstream']))
# a page whose content stream holds about a megabyte of text: 760 lines of
# 1 pt type (poppler extracts the first 50 kB of it;
# with --many, four times as much on top of each other)
rows = 760
text = b'Rad %d av en mycket lang sida om kompetensforsorjning och regional utveckling i lanet. ' * 12
lines = b''.join(b'BT /F1 1 Tf 10 %.2f Td (' % (838 - (k % rows) * 1.1) + text.replace(b'%d', b'%d' % k) + b') Tj ET\n'
                 for k in range(rows * (4 if many else 1)))
write('megabyte-page.pdf', page_pdf(lines))
# 5,000 pages, one line each
n = 5000
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % (4 + 2 * k) for k in range(n)), n), font]
for k in range(n):
    c = b'BT /F1 12 Tf 72 720 Td (Verksamhetsplan sida %d: regional utveckling) Tj ET' % (k + 1)
    objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>' % (5 + 2 * k))
    objs.append(b'<< /Length %d >>\nstream\n' % len(c) + c + b'\nendstream')
write('five-thousand-pages.pdf', pdf(objs))
# odd names, the same good file
for name in ['med mellanslag och åäö.pdf', "citat'och\"tecken.pdf", '-börjar-med-streck.pdf', 'ŝtrange ☃ unicode.pdf']:
    write(name, data)
print(len(os.listdir(out)), 'files in', out)
