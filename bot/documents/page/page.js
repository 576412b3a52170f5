// The content owners' page: every request carries the token typed into the page (never stored beyond the page),
// and everything shown is set as text, never as markup.
"use strict";
(function () {
  const base = window.location.pathname.replace(/\/documents\/page\/?$/, "/documents");  // /webhooks/webchat/documents
  const status = document.getElementById("status");
  const token = document.getElementById("token");
  const by = document.getElementById("by");

  function say(text, error) {
    status.textContent = text;
    status.className = error ? "error" : "";
  }

  async function call(path, options) {
    const reply = await fetch(base + path, Object.assign({}, options, {
      headers: { Authorization: "Bearer " + token.value.trim() }, cache: "no-store" }));
    let body = {};
    try { body = await reply.json(); } catch (e) { body = {}; }
    if (!reply.ok) {
      const why = reply.status === 401 ? "The token was not accepted." : reply.status === 429 ? "Too many requests: please wait a few seconds."
        : body.error || "The server could not do that (" + reply.status + ").";
      throw new Error(why);
    }
    return body;
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const cell of cells) {
      const td = document.createElement("td");
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = String(cell);
      tr.appendChild(td);
    }
    return tr;
  }

  async function showDocuments() {
    const body = document.querySelector("#documents tbody");
    const found = (await call("", { method: "GET" })).documents;
    body.replaceChildren(...found.map(function (d) {
      const v = d.versions[d.versions.length - 1];
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.textContent = "Remove " + d.title;
      remove.addEventListener("click", async function () {
        if (!window.confirm("Stop citing " + d.title + " on every server? Its versions are kept as a record.")) return;
        try {
          await call("/" + d.id, { method: "DELETE", body: JSON.stringify({ by: by.value.trim() }) });
          say("Removed " + d.title + ": no answer cites it from now on.");
          await showDocuments();
        } catch (e) { say(e.message, true); }
      });
      return row([d.id, d.title, d.owner, "version " + v.number + ", " + v.file + ", added by " + v.by + " on " + v.at.slice(0, 10), remove]);
    }));
    if (!found.length) body.appendChild(row(["", "None yet.", "", "", ""]));
  }

  async function showSettings(kind) {
    const list = document.getElementById(kind);
    const found = (await call("/" + kind, { method: "GET" }))[kind];
    list.replaceChildren(...found.map(function (line) {
      const li = document.createElement("li");
      li.textContent = line;
      return li;
    }));
    if (!found.length) {
      const li = document.createElement("li");
      li.textContent = "None in force.";
      list.appendChild(li);
    }
  }

  async function showAll() {
    await showDocuments();
    for (const kind of ["rules", "calendar", "contacts"]) await showSettings(kind);
  }

  document.getElementById("token-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    try {
      await showAll();
      say("Showing what is in force now.");
    } catch (e) { say(e.message, true); }
  });

  for (const form of document.querySelectorAll("form[data-upload]")) {
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!token.value.trim()) { say("Type the content owners' token first.", true); token.focus(); return; }
      const kind = form.dataset.upload;
      const data = new FormData(form);
      data.append("by", by.value.trim());
      say("Checking the file\u2026");
      try {
        const done = await call(kind ? "/" + kind : "", { method: "POST", body: data });
        say(kind ? "In force now: " + done["in force"] + " from the file."
          : "Added as document " + done.id + ", version " + done.version + ": " + done.sections + " sections, " + done.passages + " passages. Answers cite it from now on.");
        form.reset();
        await showAll();
      } catch (e) { say(e.message, true); }
    });
  }
})();
