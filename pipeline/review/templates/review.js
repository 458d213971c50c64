"use strict";
// One script for the three page types; each part does nothing where its
// elements are absent. No library, no network: the page is opened from disk.

// --- sortable tables: click a header to sort by it, again to reverse ---
document.querySelectorAll("table.sortable").forEach((table) => {
  table.querySelectorAll("thead th").forEach((th, column) => {
    th.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th").forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const key = (row) => {
        const text = row.cells[column].innerText.trim();
        return numeric ? Number(text) || 0 : text;
      };
      const body = table.tBodies[0];
      const rows = Array.from(body.rows).sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = numeric ? x - y : x.localeCompare(y, "ja");
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    });
  });
});

// --- filters: rows stay in the page, hidden when they do not match ---
function showCount(shown, total, noun) {
  const counter = document.getElementById("shown-count");
  if (counter) counter.textContent = `${shown} of ${total} ${noun} shown`;
}

function filterDocuments() {
  const status = document.getElementById("status-filter").value;
  const text = document.getElementById("text-filter").value.trim().toLowerCase();
  const rows = document.querySelectorAll("#documents tbody tr");
  let shown = 0;
  rows.forEach((row) => {
    const match = (!status || row.dataset.status === status) &&
                  (!text || row.innerText.toLowerCase().includes(text));
    row.hidden = !match;
    if (match) shown += 1;
  });
  showCount(shown, rows.length, "documents");
}

if (document.getElementById("documents")) {
  document.getElementById("status-filter").addEventListener("change", filterDocuments);
  document.getElementById("text-filter").addEventListener("input", filterDocuments);
  filterDocuments();
}

function filterMeasures() {
  const text = document.getElementById("measure-filter").value.trim().toLowerCase();
  const differing = document.getElementById("differ-filter").checked;
  const matrix = document.querySelector("table.matrix");
  const total = matrix ? Number(matrix.dataset.documents) : 0;
  const rows = document.querySelectorAll("tr.measure-row");
  let shown = 0;
  rows.forEach((row) => {
    const match = (!text || row.dataset.text.toLowerCase().includes(text)) &&
                  (!differing || Number(row.dataset.count) < total);
    row.hidden = !match;
    if (match) shown += 1;
  });
  // A field heading with no visible measure under it is hidden too.
  document.querySelectorAll("tr.field-head, tr.subfield-head").forEach((head) => {
    let next = head.nextElementSibling;
    let visible = false;
    while (next && !next.classList.contains("field-head") &&
           !(head.classList.contains("subfield-head") && next.classList.contains("subfield-head"))) {
      if (next.classList.contains("measure-row") && !next.hidden) visible = true;
      next = next.nextElementSibling;
    }
    head.hidden = !visible;
  });
  showCount(shown, rows.length, "measures");
}

if (document.getElementById("measure-filter")) {
  document.getElementById("measure-filter").addEventListener("input", filterMeasures);
  document.getElementById("differ-filter").addEventListener("change", filterMeasures);
  filterMeasures();
}

// --- document page: a value's source lines light up on hover, stay on click ---
function lineNumbers(spec) {
  const numbers = [];
  spec.split(",").forEach((part) => {
    const [first, last] = part.split("-").map(Number);
    for (let n = first; n <= (last || first); n += 1) numbers.push(n);
  });
  return numbers;
}

function mark(spec, cssClass) {
  document.querySelectorAll(`.${cssClass}`).forEach((el) => el.classList.remove(cssClass));
  if (!spec) return [];
  // Blank lines were dropped, so some numbers in a range have no row.
  const rows = lineNumbers(spec).map((n) => document.getElementById(`L${n}`)).filter(Boolean);
  rows.forEach((row) => {
    row.classList.add(cssClass);
    const page = row.dataset.page && document.getElementById(`page-${row.dataset.page}`);
    if (page) page.classList.add(cssClass);
  });
  return rows;
}

function pin(source) {
  document.querySelectorAll("[data-lines].active").forEach((el) => el.classList.remove("active"));
  source.classList.add("active");
  const rows = mark(source.dataset.lines, "hl");
  if (rows.length) rows[0].scrollIntoView({ block: "center" });
}

const facts = document.querySelector(".facts");
if (facts) {
  // The innermost value wins: a paragraph inside an article highlights its own lines.
  facts.addEventListener("mouseover", (event) => {
    const source = event.target.closest("[data-lines]");
    mark(source ? source.dataset.lines : "", "hover");
  });
  facts.addEventListener("mouseleave", () => mark("", "hover"));
  facts.addEventListener("click", (event) => {
    const source = event.target.closest("[data-lines]");
    if (source) pin(source);
  });
  // Arriving from the comparison at #R12 shows that 別表 row and its lines.
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.dataset.lines) {
    target.scrollIntoView({ block: "center" });
    pin(target);
  }
}
