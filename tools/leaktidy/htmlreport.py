"""The HTML report: one self-contained file (no network, no external script,
style or font) that a person opens after a CI run.

A summary by check and by file; then each finding with its code excerpt, its
notes as numbered steps on the lines they name, its fix-it as a diff and a
link to its check's docs page. Filters by check and by file (also set from the address:
report.html#check=leak-detached-task&file=src/a.cpp); the layout
narrows to one column on a small screen. Every finding is an <article
class="finding"> with data-check, data-path, data-line and data-column, so a
browser's DOM says exactly which findings the page shows.
"""
import difflib
import html

from .common import display_path

CONTEXT = 2          # lines shown around each line a finding or note names

STYLE = """
:root { --fg:#1d2125; --muted:#5c6670; --line:#d8dde3; --warn:#b35900; --err:#b00020;
        --note:#0b5cad; --add:#e6ffec; --del:#ffebe9; --bg:#ffffff; --panel:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: var(--fg); background: var(--bg); }
header, main { max-width: 1100px; margin: 0 auto; padding: 12px 16px; }
h1 { font-size: 1.4em; margin: 8px 0; }
h2 { font-size: 1.15em; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center;
           padding: 8px 0; position: sticky; top: 0; background: var(--bg); }
.filters select { max-width: 100%; font: inherit; padding: 2px 4px; }
.finding { border: 1px solid var(--line); border-radius: 6px; margin: 14px 0; overflow: hidden; }
.finding > h3 { margin: 0; padding: 8px 12px; font-size: 1em; background: var(--panel);
                border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.level { font-weight: 600; text-transform: uppercase; font-size: .8em; margin-right: 6px; }
.warning .level { color: var(--warn); }  .error .level { color: var(--err); }
.where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
.check { color: var(--muted); font-size: .9em; }
.body { padding: 8px 12px; }
.steps { margin: 6px 0; padding-left: 22px; }
.steps li { margin: 2px 0; }
.file { font-family: ui-monospace, monospace; font-size: .85em; color: var(--muted);
        margin: 8px 0 2px; overflow-wrap: anywhere; }
pre { margin: 0; padding: 6px 0; overflow-x: auto; background: var(--panel);
      border: 1px solid var(--line); border-radius: 4px;
      font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
.src { display: block; padding: 0 8px; white-space: pre; }
.src .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
.src.hit { background: #fff4e5; }
.marker { display: block; padding: 0 8px 0 calc(3.5em + 8px); white-space: pre-wrap;
          font-family: system-ui, sans-serif; font-size: 12.5px; }
.marker.main { color: var(--warn); font-weight: 600; }
.marker.step { color: var(--note); }
.badge { display: inline-block; min-width: 1.5em; padding: 0 4px; border-radius: 9px;
         background: var(--note); color: #fff; text-align: center; font-size: 11px; }
.gap { display: block; padding: 0 8px; color: var(--muted); }
.diff .add { background: var(--add); display: block; padding: 0 8px; }
.diff .del { background: var(--del); display: block; padding: 0 8px; }
.diff .ctx, .diff .hunk { display: block; padding: 0 8px; }
.diff .hunk { color: var(--muted); }
a { color: var(--note); }
.empty { color: var(--muted); }
@media (max-width: 640px) {
  body { font-size: 14px; }
  header, main { padding: 8px; }
  .summary { grid-template-columns: 1fr; }
  .filters { position: static; }
  pre { font-size: 12px; }
  .src .ln { min-width: 2.5em; }
  .marker { padding-left: 8px; }
}
"""

SCRIPT = """
(function () {
  var check = document.getElementById('filter-check');
  var file = document.getElementById('filter-file');
  var shown = document.getElementById('shown');
  function apply() {
    var n = 0;
    document.querySelectorAll('article.finding').forEach(function (a) {
      var ok = (!check.value || a.dataset.check === check.value) &&
               (!file.value || a.dataset.path === file.value);
      a.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n;
  }
  // #check=NAME&file=PATH preselects the filters: a link to a part of the report.
  var wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.get('check')) { check.value = wanted.get('check'); }
  if (wanted.get('file')) { file.value = wanted.get('file'); }
  apply();
  check.addEventListener('change', apply);
  file.addEventListener('change', apply);
  document.querySelectorAll('[data-filter-check]').forEach(function (link) {
    link.addEventListener('click', function () { check.value = link.dataset.filterCheck; file.value = ''; apply(); });
  });
  document.querySelectorAll('[data-filter-file]').forEach(function (link) {
    link.addEventListener('click', function () { file.value = link.dataset.filterFile; check.value = ''; apply(); });
  });
})();
"""


def _e(text):
    return html.escape(str(text), quote=True)


def _excerpt(sources, path, marks):
    """A <pre> with the lines around MARKS ({line: [(kind, text)]}) of PATH."""
    wanted = set()
    for line in marks:
        wanted.update(range(max(1, line - CONTEXT), line + CONTEXT + 1))
    rows, previous = [], None
    for line in sorted(wanted):
        text = sources.line_text(path, line)
        if not text and line not in marks and line > max(marks):
            continue
        if previous is not None and line != previous + 1:
            rows.append('<span class="gap">\u22ee</span>')
        previous = line
        cls = "src hit" if line in marks else "src"
        rows.append('<span class="%s"><span class="ln">%d</span>%s</span>'
                    % (cls, line, _e(text.expandtabs(4))))
        for kind, label in marks.get(line, []):
            rows.append('<span class="marker %s">%s</span>' % (kind, label))
    return "<pre>%s</pre>" % "".join(rows)


def _diff(sources, diag, root):
    """Unified diffs of the files the finding's fix-it edits."""
    by_file = {}
    for rep in diag.replacements:
        by_file.setdefault(rep["path"], []).append(rep)
    parts = []
    for path in sorted(by_file):
        data = sources.content(path)
        if data is None:
            continue
        after = data
        for rep in sorted(by_file[path], key=lambda r: r["offset"], reverse=True):
            after = after[:rep["offset"]] + rep["text"].encode("utf-8") + \
                after[rep["offset"] + rep["length"]:]
        name = display_path(path, root)
        lines = difflib.unified_diff(
            data.decode("utf-8", "replace").splitlines(),
            after.decode("utf-8", "replace").splitlines(),
            "a/" + name, "b/" + name, n=1, lineterm="")
        rows = []
        for line in lines:
            if line.startswith(("---", "+++")):
                continue
            cls = {"@": "hunk", "+": "add", "-": "del"}.get(line[:1], "ctx")
            rows.append('<span class="%s">%s</span>' % (cls, _e(line.expandtabs(4))))
        if rows:
            parts.append('<div class="file">%s</div><pre class="diff">%s</pre>'
                         % (_e(name), "".join(rows)))
    return "".join(parts)


def _finding(index, diag, sources, root, docs):
    level = "error" if diag.is_error else "warning"
    name = display_path(diag.path, root) if diag.path else ""
    where = "%s:%d:%d" % (name, diag.line, diag.column) if diag.path else "(no location)"
    out = ['<article class="finding %s" id="f%d" data-check="%s" data-path="%s" '
           'data-line="%d" data-column="%d">' % (level, index, _e(diag.check), _e(name),
                                                 diag.line if diag.path else 0,
                                                 diag.char_column if diag.path else 0)]
    out.append('<h3><span class="level">%s</span><span class="where">%s</span><br>%s '
               '<span class="check">[%s]</span></h3>' % (level, _e(where), _e(diag.message),
                                                         _e(diag.check)))
    out.append('<div class="body">')
    located = [n for n in diag.notes if n.path]
    if diag.notes:
        out.append('<ol class="steps">')
        for number, item in enumerate(diag.notes, 1):
            place = "%s:%d: " % (display_path(item.path, root), item.line) if item.path else ""
            out.append('<li><span class="where">%s</span>%s</li>' % (_e(place), _e(item.message)))
        out.append("</ol>")
    files = {}
    if diag.path:
        files.setdefault(diag.path, {}).setdefault(diag.line, []).append(
            ("main", "\u25b2 %s" % _e(diag.message)))
    for number, item in enumerate(diag.notes, 1):
        if item in located:
            files.setdefault(item.path, {}).setdefault(item.line, []).append(
                ("step", '<span class="badge">%d</span> %s' % (number, _e(item.message))))
    ordered = ([diag.path] if diag.path else []) + sorted(p for p in files if p != diag.path)
    for path in ordered:
        out.append('<div class="file">%s</div>' % _e(display_path(path, root)))
        out.append(_excerpt(sources, path, files[path]))
    fix = _diff(sources, diag, root) if diag.replacements else ""
    if fix:
        out.append('<div class="file">fix-it</div>' + fix)
    uri = docs(diag.check)
    if uri:
        out.append('<p><a href="%s">%s: what it finds and how to fix it</a></p>'
                   % (_e(uri), _e(diag.check)))
    out.append("</div></article>")
    return "\n".join(out)


def format_html(findings, errors, root, sources, docs, title="leak-tidy report", note=""):
    """DOCS(check) -> URL of the check's page or None."""
    items = sorted(errors + findings, key=lambda d: (display_path(d.path, root), d.line,
                                                     d.column, d.check))
    per_check, per_file = {}, {}
    for diag in items:
        per_check[diag.check] = per_check.get(diag.check, 0) + 1
        name = display_path(diag.path, root) if diag.path else ""
        per_file[name] = per_file.get(name, 0) + 1
    head = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<title>%s</title>' % _e(title), "<style>%s</style></head><body>" % STYLE]
    body = ["<header><h1>%s</h1>" % _e(title),
            '<p id="counts">%d findings, %d errors%s</p></header><main>'
            % (len(findings), len(errors), (" &middot; " + _e(note)) if note else "")]
    body.append('<section class="summary"><div><h2>By check</h2><table id="by-check">'
                '<tr><th>check</th><th>findings</th></tr>')
    for check in sorted(per_check):
        body.append('<tr><td><a href="#list" data-filter-check="%s">%s</a></td>'
                    '<td class="n">%d</td></tr>' % (_e(check), _e(check), per_check[check]))
    body.append('</table></div><div><h2>By file</h2><table id="by-file">'
                '<tr><th>file</th><th>findings</th></tr>')
    for name in sorted(per_file):
        body.append('<tr><td><a href="#list" data-filter-file="%s">%s</a></td>'
                    '<td class="n">%d</td></tr>' % (_e(name), _e(name or "(no location)"),
                                                    per_file[name]))
    body.append("</table></div></section>")
    body.append('<h2 id="list">Findings</h2><div class="filters">'
                '<label>check <select id="filter-check"><option value="">all</option>%s</select>'
                '</label><label>file <select id="filter-file"><option value="">all</option>%s'
                '</select></label><span><span id="shown">%d</span> shown</span></div>'
                % ("".join('<option>%s</option>' % _e(c) for c in sorted(per_check)),
                   "".join('<option value="%s">%s</option>' % (_e(f), _e(f or "(no location)"))
                           for f in sorted(per_file)), len(items)))
    if not items:
        body.append('<p class="empty">No findings.</p>')
    for index, diag in enumerate(items, 1):
        body.append(_finding(index, diag, sources, root, docs))
    body.append("</main><script>%s</script></body></html>" % SCRIPT)
    return "\n".join(head + body) + "\n"

