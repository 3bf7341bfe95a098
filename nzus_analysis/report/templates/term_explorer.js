// The term explorer's script (explorer.py inlines it into the page; no library, no network).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("nz-data").textContent);
  const cols = data.columns, rows = data.rows, idx = {};
  cols.forEach((c, i) => { idx[c] = i; });
  const canvas = document.getElementById("nz-plot"), ctx = canvas.getContext("2d");
  const tip = document.getElementById("nz-tip"), panel = document.getElementById("nz-contexts");
  const W = canvas.width, H = canvas.height, M = 50;
  const rate = (r, side) => r[idx["per_1k_" + side]];
  const rates = rows.flatMap(r => [rate(r, "a"), rate(r, "b")]).filter(v => v > 0);
  const lo = Math.log10(Math.min(...rates)) - 0.1, hi = Math.log10(Math.max(...rates)) + 0.1;
  const floor = Math.pow(10, lo);
  const sx = v => M + (Math.log10(Math.max(v, floor)) - lo) / (hi - lo) * (W - 2 * M);
  const sy = v => H - M - (Math.log10(Math.max(v, floor)) - lo) / (hi - lo) * (H - 2 * M);
  const zmax = Math.max(1, ...rows.map(r => Math.abs(r[idx.z])));
  function colour(z) {
    const t = Math.min(1, Math.abs(z) / zmax), c = Math.round(220 - 180 * t);
    return z >= 0 ? `rgb(215,${c},${c})` : `rgb(${c},${c},215)`;
  }
  function jitter(i) { const x = Math.sin(i * 12.9898) * 43758.5453; return (x - Math.floor(x) - 0.5) * 6; }
  const points = rows.map((r, i) => [sx(rate(r, "b")) + jitter(i), sy(rate(r, "a")) + jitter(i + 7)]);
  function draw(selected) {
    ctx.clearRect(0, 0, W, H);
    ctx.strokeStyle = "#999"; ctx.beginPath(); ctx.moveTo(M, H - M); ctx.lineTo(W - M, M); ctx.stroke();
    ctx.fillStyle = "#333"; ctx.font = "13px sans-serif"; ctx.textAlign = "center";
    ctx.fillText(`per 1,000 terms in ${data.label_b} (log scale)`, W / 2, H - 12);
    ctx.font = "11px sans-serif";
    for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) {
      const v = Math.pow(10, k), label = v >= 1 ? String(v) : v.toFixed(-k);
      ctx.textAlign = "center"; ctx.fillText(label, sx(v), H - M + 16);
      ctx.textAlign = "right"; ctx.fillText(label, M - 6, sy(v) + 4);
    }
    ctx.fillText("absent", M - 6, H - M + 16);
    ctx.font = "13px sans-serif"; ctx.textAlign = "center";
    ctx.save(); ctx.translate(14, H / 2); ctx.rotate(-Math.PI / 2);
    ctx.fillText(`per 1,000 terms in ${data.label_a} (log scale)`, 0, 0); ctx.restore();
    const order = rows.map((r, i) => i).sort((i, j) => Math.abs(rows[i][idx.z]) - Math.abs(rows[j][idx.z]));
    for (const i of order) {
      ctx.fillStyle = colour(rows[i][idx.z]);
      ctx.beginPath(); ctx.arc(points[i][0], points[i][1], 3.5, 0, 2 * Math.PI); ctx.fill();
    }
    if (selected !== undefined) {
      ctx.strokeStyle = "#000"; ctx.lineWidth = 2; ctx.beginPath();
      ctx.arc(points[selected][0], points[selected][1], 7, 0, 2 * Math.PI); ctx.stroke(); ctx.lineWidth = 1;
      ctx.fillStyle = "#000"; ctx.textAlign = "left";
      ctx.fillText(rows[selected][idx.term], points[selected][0] + 9, points[selected][1] - 6);
    }
  }
  function nearest(x, y) {
    let best = -1, bestD = 64;
    points.forEach((p, i) => { const d = (p[0] - x) ** 2 + (p[1] - y) ** 2; if (d < bestD) { best = i; bestD = d; } });
    return best;
  }
  function fmt(v, d) { return Number(v).toFixed(d); }
  function describe(r) {
    return `<strong>${esc(r[idx.term])}</strong><br>${esc(data.label_a)}: ${r[idx.n_a]} ` +
      `(${fmt(r[idx.per_1k_a], 2)} per 1k)<br>${esc(data.label_b)}: ${r[idx.n_b]} ` +
      `(${fmt(r[idx.per_1k_b], 2)} per 1k)<br>z ${fmt(r[idx.z], 2)} · G² ${fmt(r[idx.g2], 2)} · ` +
      `log ratio ${fmt(r[idx.log_ratio], 2)}`;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }
  const byTerm = new Map(rows.map((r, i) => [r[idx.term], i]));
  function lines(list, total, label) {
    const body = list.map(l => `<tr><td class="nz-id">${esc(l[0])}</td><td class="nz-left">${esc(l[1])}</td>` +
      `<td class="nz-match">${esc(l[2])}</td><td class="nz-right">${esc(l[3])}</td></tr>`).join("");
    return `<h3>${esc(label)}: ${total} occurrence(s)` + (list.length < total ? `, first ${list.length} shown` : "") +
      `</h3><table class="nz-kwic">${body}</table>`;
  }
  function select(term) {
    const i = byTerm.get(term);
    if (i === undefined) { panel.innerHTML = `<p>No term “${esc(term)}” in this comparison.</p>`; return; }
    const r = rows[i], ctxs = data.contexts[term] || [[], []];
    panel.innerHTML = `<h2>${esc(term)}</h2><p class="nz-stats">${describe(r)}</p>` +
      lines(ctxs[0], r[idx.n_a], data.label_a) + lines(ctxs[1], r[idx.n_b], data.label_b);
    panel.dataset.term = term;
    draw(i);
  }
  canvas.addEventListener("mousemove", e => {
    const box = canvas.getBoundingClientRect();
    const i = nearest((e.clientX - box.left) * W / box.width, (e.clientY - box.top) * H / box.height);
    if (i < 0) { tip.hidden = true; return; }
    tip.innerHTML = describe(rows[i]); tip.hidden = false;
    tip.style.left = (e.pageX + 12) + "px"; tip.style.top = (e.pageY + 12) + "px";
  });
  canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
  canvas.addEventListener("click", e => {
    const box = canvas.getBoundingClientRect();
    const i = nearest((e.clientX - box.left) * W / box.width, (e.clientY - box.top) * H / box.height);
    if (i >= 0) select(rows[i][idx.term]);
  });
  document.getElementById("nz-search").addEventListener("submit", e => {
    e.preventDefault(); select(document.getElementById("nz-query").value.trim().toLowerCase());
  });
  document.querySelectorAll("[data-term]").forEach(a => a.addEventListener("click", e => {
    e.preventDefault(); select(a.dataset.term);
  }));
  draw();
  const wanted = new URLSearchParams(location.hash.slice(1)).get("term");
  if (wanted) select(wanted);
  document.body.dataset.nTerms = String(rows.length);
  document.body.dataset.readyMs = String(Math.round(performance.now()));
})();
