#!/usr/bin/env python3
"""pdfwrite.py: a small PDF writer for the tests: objects with a correct
xref table, a one-page PDF of Helvetica lines, and an information
dictionary whose strings may hold any Unicode (UTF-16BE, as PDF wants).
hostile-pdfs.py builds on it. As a program it writes one page, or with
--pages N that page N times over, every page sharing its one content
stream (a small file of much text: tests/e2e/t670-limits.sh):

    tests/tools/pdfwrite.py OUT.pdf [--author TEXT] [--title TEXT] [--pages N] LINE..."""
import sys

def pdf(objects, root=1, info=None):
    """A PDF from object bodies (bytes), with a correct xref table; info is
    the number of the information dictionary's object, if there is one."""
    b = b'%PDF-1.4\n'
    offs = []
    for i, o in enumerate(objects):
        offs.append(len(b))
        b += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    x = len(b)
    b += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for o in offs:
        b += b'%010d 00000 n \n' % o
    extra = b' /Info %d 0 R' % info if info else b''
    b += b'trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, root, extra, x)
    return b

FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'

def page_pdf(content, extra=(), info=None):
    """One A4 page of the content stream (bytes), Helvetica as /F1; extra
    objects follow as 6, 7, ...; info as in pdf()."""
    stream = b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream'
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
                stream, FONT] + list(extra), info=info)

def shared_pages_pdf(content, n):
    """n A4 pages that all draw the one content stream (bytes): a file of
    about 70 bytes a page whose text is n times the stream's."""
    kids = b' '.join(b'%d 0 R' % (5 + k) for k in range(n))
    page = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R'
            b' /Resources << /Font << /F1 3 0 R >> >> >>')
    stream = b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream'
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [%s] /Count %d >>' % (kids, n),
                FONT, stream] + [page] * n)

def text_string(s):
    """A PDF text string of any Unicode: UTF-16BE with its byte order mark."""
    return b'<FEFF' + s.encode('utf-16-be').hex().upper().encode() + b'>'

def lines_content(lines):
    """A content stream of Latin-1 lines of 11 pt Helvetica as /F1."""
    return b''.join(b'BT /F1 11 Tf 60 %d Td (' % (780 - 16 * k) +
                    l.encode('latin-1').replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)') +
                    b') Tj ET\n' for k, l in enumerate(lines))

def lines_pdf(lines, meta=None):
    """A page of Latin-1 lines of 11 pt Helvetica, and an information
    dictionary of meta ({'Author': ...}) when given."""
    content = lines_content(lines)
    if not meta:
        return page_pdf(content)
    d = b'<< ' + b' '.join(b'/%s %s' % (k.encode(), text_string(v)) for k, v in meta.items()) + b' >>'
    return page_pdf(content, [d], info=6)

if __name__ == '__main__':
    args, meta, pages = sys.argv[1:], {}, 0
    while len(args) > 2 and args[1] in ('--author', '--title', '--pages'):
        if args[1] == '--pages':
            pages = int(args[2])
        else:
            meta[args[1][2:].capitalize()] = args[2]
        del args[1:3]
    if not args or args[0].startswith('-') or (pages and meta):
        sys.exit(__doc__)
    with open(args[0], 'wb') as f:
        f.write(shared_pages_pdf(lines_content(args[1:]), pages) if pages else lines_pdf(args[1:], meta))
