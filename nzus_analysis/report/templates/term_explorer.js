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
  // Terms with the same two rates (most counts are 1 or 2) are spread on a small sunflower around
  // their common position, so every point can be seen and hovered; the spread is stable.
  const base = rows.map(r => [sx(rate(r, "b")), sy(rate(r, "a"))]);
  const offsets = new Array(rows.length), ties = new Map();
  rows.forEach((r, i) => {
    const key = base[i][0].toFixed(1) + "," + base[i][1].toFixed(1);
    const n = ties.get(key) || 0; ties.set(key, n + 1);
    const radius = n ? 4.5 * Math.sqrt(n) : 0, angle = n * 2.39996;
    offsets[i] = [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  // zoom and pan: screen = data * k + (tx, ty); the wheel zooms about the pointer, dragging pans
  const view = { k: 1, tx: 0, ty: 0 };
  let points = [];
  function place() {
    points = base.map((p, i) => [p[0] * view.k + view.tx + offsets[i][0], p[1] * view.k + view.ty + offsets[i][1]]);
  }
  const byZ = rows.map((r, i) => i).sort((i, j) => Math.abs(rows[j][idx.z]) - Math.abs(rows[i][idx.z]));
  const MAX_LABELS = 80;
  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
  function labels(selected) {
    // most distinctive first; a label is drawn only where it hits no label already drawn
    ctx.font = "11px sans-serif"; ctx.textAlign = "left";
    const placed = [];
    for (const i of byZ) {
      if (placed.length >= MAX_LABELS) break;
      const [x, y] = points[i];
      if (x < M || x > W - M || y < M || y > H - M || i === selected) continue;
      const w = ctx.measureText(rows[i][idx.term]).width;
      for (const [dx, dy] of [[6, -4], [6, 12], [-w - 6, -4], [-w - 6, 12]]) {
        const box = [x + dx - 1, y + dy - 10, x + dx + w + 1, y + dy + 2];
        const outside = box[0] < M - 6 || box[2] > W - 4 || box[1] < M - 10 || box[3] > H - M + 4;
        if (outside || placed.some(b => overlaps(b, box))) continue;
        placed.push(box);
        ctx.strokeStyle = "rgba(255,255,255,0.85)"; ctx.lineWidth = 3;
        ctx.strokeText(rows[i][idx.term], x + dx, y + dy); ctx.lineWidth = 1;
        ctx.fillStyle = rows[i][idx.z] >= 0 ? "#8b1a1a" : "#1a3d8b";
        ctx.fillText(rows[i][idx.term], x + dx, y + dy);
        break;
      }
    }
    document.body.dataset.nLabels = String(placed.length);
  }
  function draw(selected) {
    place();
    ctx.clearRect(0, 0, W, H);
    ctx.save(); ctx.beginPath(); ctx.rect(M - 6, M - 10, W - M + 2, H - 2 * M + 16); ctx.clip();
    ctx.strokeStyle = "#999"; ctx.beginPath();
    ctx.moveTo(M * view.k + view.tx, (H - M) * view.k + view.ty);
    ctx.lineTo((W - M) * view.k + view.tx, M * view.k + view.ty); ctx.stroke();
    const order = byZ.slice().reverse();
    for (const i of order) {
      ctx.fillStyle = colour(rows[i][idx.z]);
      ctx.beginPath(); ctx.arc(points[i][0], points[i][1], 3.5, 0, 2 * Math.PI); ctx.fill();
    }
    labels(selected);
    if (selected !== undefined) {
      ctx.strokeStyle = "#000"; ctx.lineWidth = 2; ctx.beginPath();
      ctx.arc(points[selected][0], points[selected][1], 7, 0, 2 * Math.PI); ctx.stroke(); ctx.lineWidth = 1;
      ctx.fillStyle = "#000"; ctx.textAlign = "left"; ctx.font = "bold 12px sans-serif";
      ctx.fillText(rows[selected][idx.term], points[selected][0] + 9, points[selected][1] - 6);
    }
    ctx.restore();
    axes();
    document.body.dataset.zoom = view.k.toFixed(2);
  }
  function axes() {
    ctx.fillStyle = "#333"; ctx.font = "13px sans-serif"; ctx.textAlign = "center";
    ctx.fillText(`per 1,000 terms in ${data.label_b} (log scale)`, W / 2, H - 12);
    ctx.font = "11px sans-serif";
    for (let k = Math.ceil(lo); k <= Math.floor(hi); k++) {
      const v = Math.pow(10, k), label = v >= 1 ? String(v) : v.toFixed(-k);
      const x = sx(v) * view.k + view.tx, y = sy(v) * view.k + view.ty;
      ctx.textAlign = "center"; if (x >= M && x <= W - M) ctx.fillText(label, x, H - M + 16);
      ctx.textAlign = "right"; if (y >= M && y <= H - M) ctx.fillText(label, M - 6, y + 4);
    }
    if (view.k === 1) { ctx.textAlign = "center"; ctx.fillText("absent", M, H - M + 16); }
    ctx.font = "13px sans-serif"; ctx.textAlign = "center";
    ctx.save(); ctx.translate(14, H / 2); ctx.rotate(-Math.PI / 2);
    ctx.fillText(`per 1,000 terms in ${data.label_a} (log scale)`, 0, 0); ctx.restore();
  }
  let current;
  function zoomAt(x, y, factor) {
    const k = Math.min(40, Math.max(1, view.k * factor));
    view.tx = x - (x - view.tx) * k / view.k; view.ty = y - (y - view.ty) * k / view.k; view.k = k;
    if (k === 1) { view.tx = 0; view.ty = 0; }
    draw(current);
  }
  function canvasXY(e) {
    const box = canvas.getBoundingClientRect();
    return [(e.clientX - box.left) * W / box.width, (e.clientY - box.top) * H / box.height];
  }
  canvas.addEventListener("wheel", e => {
    e.preventDefault(); const [x, y] = canvasXY(e); zoomAt(x, y, e.deltaY < 0 ? 1.25 : 0.8);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener("mousedown", e => { drag = { xy: canvasXY(e), tx: view.tx, ty: view.ty, moved: false }; });
  window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener("dblclick", () => { view.k = 1; view.tx = 0; view.ty = 0; draw(current); });
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
    current = i;
    draw(i);
  }
  canvas.addEventListener("mousemove", e => {
    if (drag && e.buttons) {
      const [x, y] = canvasXY(e);
      view.tx = drag.tx + x - drag.xy[0]; view.ty = drag.ty + y - drag.xy[1];
      drag.moved = drag.moved || Math.abs(x - drag.xy[0]) + Math.abs(y - drag.xy[1]) > 3;
      tip.hidden = true; draw(current); return;
    }
    const box = canvas.getBoundingClientRect();
    const i = nearest((e.clientX - box.left) * W / box.width, (e.clientY - box.top) * H / box.height);
    if (i < 0) { tip.hidden = true; return; }
    tip.innerHTML = describe(rows[i]); tip.hidden = false;
    tip.style.left = (e.pageX + 12) + "px"; tip.style.top = (e.pageY + 12) + "px";
  });
  canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
  canvas.addEventListener("click", e => {
    if (drag && drag.moved) return;
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
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("zoom")) zoomAt(W / 2, H / 2, Number(hash.get("zoom")) || 1); else draw();
  const wanted = hash.get("term");
  if (wanted) select(wanted);
  document.body.dataset.nTerms = String(rows.length);
  document.body.dataset.readyMs = String(Math.round(performance.now()));
})();
