// The web chat page: talks to the webchat channel on the same origin, renders each reply
// from its text or its `send_guide` document, and never puts received text into HTML.
"use strict";

(() => {
  const STORE = "send-guide-conversation";
  const ID = /^[0-9a-f]{32}$/;
  const TOO_MANY = "too many messages at once: please wait a few seconds and try again";
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const composerError = document.getElementById("composer-error");
  let sender = localStorage.getItem(STORE);
  let busy = false;

  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    children.filter(Boolean).forEach((child) => node.append(child));
    return node;
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  }

  async function post(path, body) {
    const reply = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (reply.status === 429) {  // fair use: the server's own line, or the proxy's
      const body = await reply.json().catch(() => ({}));
      throw Object.assign(new Error(body.error || TOO_MANY), { tooMany: true });
    }
    if (!reply.ok) throw new Error(`the assistant answered ${reply.status}`);
    return reply.json();
  }

  function refs(numbers) {
    if (!numbers || !numbers.length) return null;
    return el("span", { class: "refs", text: " " + numbers.map((n) => `[${n}]`).join(" ") });
  }

  function itemNode(item) {
    if (item.url) {
      const link = el("a", { href: item.url, target: "_blank", rel: "noopener noreferrer", text: item.text });
      return [link, " (opens in a new tab)", refs(item.refs)];
    }
    return [item.text, refs(item.refs)];
  }

  function documentNode(doc) {
    const parts = [];
    for (const section of doc.sections) {
      if (section.title) parts.push(el("h3", { text: section.title }));
      if (section.list) parts.push(el("ul", {}, ...section.items.map((item) => el("li", {}, ...itemNode(item)))));
      else section.items.forEach((item) => parts.push(el("p", {}, ...itemNode(item))));
      if (section.more) parts.push(el("p", { text: section.more }));
    }
    if (doc.sources.length) {
      const list = el("ol", {}, ...doc.sources.map((s) => el("li", {},
        el("span", { text: `${s.title}, section "${s.section}" (${s.document})` }),
        ...s.quotes.map((q) => el("blockquote", { text: q })))));
      const label = doc.sources.length === 1 ? "Source (1 document section)" : `Sources (${doc.sources.length} document sections)`;
      parts.push(el("details", { class: "sources" }, el("summary", { text: label }), list));
    }
    return parts;
  }

  function spoken(message) {
    const doc = message.custom && message.custom.send_guide;
    if (!doc) return message.text || "";
    return doc.sections.map((s) => [s.title, ...s.items.map((i) => i.text), s.more].filter(Boolean).join(". ")).join(". ");
  }

  function feedbackNode(answerId) {
    const box = el("fieldset", { class: "feedback" }, el("legend", { text: "Was this useful?" }));
    const choices = el("div", { class: "choices" });
    const commentId = `comment-${answerId}`;
    const comment = el("textarea", { id: commentId, rows: "2", maxlength: "1000" });
    const extra = el("div", { hidden: "" },
      el("label", { for: commentId, text: "Comment (optional)" }), comment,
      el("button", { type: "button", class: "secondary", text: "Send feedback", onclick: submit }));
    let rating = null;
    for (const [value, title] of [["yes", "Yes"], ["neutral", "Neutral"], ["no", "No"]]) {
      choices.append(el("button", {
        type: "button", class: "choice", "aria-pressed": "false", text: title,
        onclick: (event) => {
          rating = value;
          choices.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === event.currentTarget)));
          extra.hidden = false;
        },
      }));
    }
    async function submit() {
      try {
        await post("feedback", { sender, answer_id: answerId, rating, comment: comment.value.trim() || null });
        const thanks = el("p", { tabindex: "-1", text: "Thank you for your feedback." });
        box.replaceWith(thanks);
        thanks.focus();
        announce("Thank you for your feedback.");
        if (rating === "no") send("/talk_to_person", null);  // not useful: offer the organisation's contact
      } catch (error) {
        announce("Sorry, your feedback could not be saved. Please try again.");
      }
    }
    box.append(choices, extra);
    return box;
  }

  function disableChoices() {
    log.querySelectorAll("button.option").forEach((b) => { b.disabled = true; });
  }

  function addBot(message) {
    const doc = message.custom && message.custom.send_guide;
    const body = doc ? documentNode(doc) : (message.text || "").split("\n").map((line) => el("p", { text: line }));
    const item = el("li", { class: "message bot" }, el("span", { class: "who", text: "Assistant" }), ...body);
    if (message.buttons && message.buttons.length) {
      item.append(el("div", { class: "choices" }, ...message.buttons.map((b) => el("button", {
        type: "button", class: "choice option", text: b.title,
        onclick: () => { disableChoices(); send(b.payload, b.title); },
      }))));
    }
    if (doc && doc.kind === "answer") item.append(feedbackNode(doc.id));
    log.append(item);
  }

  function addUser(text) {
    log.append(el("li", { class: "message user" }, el("span", { class: "who", text: "You" }), el("p", { text })));
  }

  function addError(text) {
    log.append(el("li", { class: "message error" }, el("p", { text })));
    announce(text);
  }

  async function send(text, shown) {
    if (busy) return;
    busy = true;
    if (shown) addUser(shown);
    const before = log.children.length;
    try {
      const replies = await post("webhook", { sender, message: text });
      disableChoices();
      replies.forEach(addBot);
      if (replies.length) announce(`Assistant: ${replies.map(spoken).join(" ")}`);
      else addError("The assistant did not reply. Please try again.");
    } catch (error) {
      addError(error.tooMany ? `Sorry: ${error.message}.` : "Sorry, I couldn't reach the assistant. Please try again in a moment.");
      // The message was not read: a typed one goes back in the box, and the last question's choices open again.
      if (shown === text && !input.value) input.value = text;
      const asked = [...log.querySelectorAll("li.message.bot")].pop();
      if (asked) asked.querySelectorAll("button.option").forEach((b) => { b.disabled = false; });
    } finally {
      busy = false;
      // The answer is read from its first line ("You need Level 2 ..."), however long it is; the keyboard stays in the box.
      input.focus({ preventScroll: true });
      const first = log.children[before];
      if (first) first.scrollIntoView({ block: "start" });
    }
  }

  async function resume() {
    try {
      const reply = await fetch(`history?sender=${sender}`);
      if (reply.status === 429) {
        const body = await reply.json().catch(() => ({}));
        return addError(`Sorry: ${body.error || TOO_MANY}. Then reload the page to see your conversation.`);
      }
      const { messages } = await reply.json();
      if (!messages.length) return send("/greet", null);
      messages.forEach((m) => (m.from === "user" ? addUser(m.text) : addBot(m)));
      const items = log.querySelectorAll("li.message");
      const open = messages[messages.length - 1].from === "bot" ? items[items.length - 1] : null;
      items.forEach((li) => { if (li !== open) li.querySelectorAll("button.option").forEach((b) => { b.disabled = true; }); });
      announce("Your earlier conversation is shown.");
    } catch (error) {
      addError("Sorry, I couldn't load the conversation. Please reload the page.");
    }
  }

  function startAgain() {
    sender = newId();
    localStorage.setItem(STORE, sender);
    log.replaceChildren();
    announce("Started a new conversation.");
    input.focus();
    send("/greet", null);
  }

  function table(caption, header, rows) {
    return el("table", {}, el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, ...header.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c) => (c instanceof Node ? el("td", {}, c) : el("td", { text: String(c) })))))));
  }

  function showStaffReport(report) {
    const result = document.getElementById("staff-result");
    const levels = Object.entries(report.per_level).sort((a, b) => b[1] - a[1]);
    const most = Math.max(1, ...levels.map(([, n]) => n));
    const bar = (n) => {
      const node = el("span", { class: "bar", "aria-hidden": "true" });
      node.style.width = `${Math.round((100 * n) / most)}%`; // CSSOM, which the page's CSP allows
      return node;
    };
    const link = el("a", { href: URL.createObjectURL(new Blob([report.csv], { type: "text/csv" })), download: "send-training-report.csv",
      text: "Download the report for every person (CSV)" });
    const columns = Object.entries(report.columns).map(([field, column]) => `${field.replace("_", " ")} from "${column}"`).join("; ");
    result.replaceChildren(
      el("p", { text: `${report.rows} people checked; ${report.rows_with_problems} rows with a problem (see the report). Columns used: ${columns}.` }),
      table("People per level", ["Level", "People", "Chart"], levels.map(([level, n]) => [level, n, bar(n)])),
      table("Questions still open", ["Question", "People", "Open for"], report.open_for),
      el("p", {}, link),
      el("p", {}, el("a", { href: URL.createObjectURL(new Blob([report.questions_csv], { type: "text/csv" })),
        download: "questions-to-ask.csv", text: "Download the questions to ask, one line per person (CSV)" })));
    result.focus();
    announce(`${report.rows} people checked.`);
  }

  document.getElementById("staff-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("staff-result");
    const chosen = document.getElementById("staff-file");
    const most = Number(chosen.dataset.maxMegabytes);
    try {
      if (chosen.files.length && most && chosen.files[0].size > most * 1048576) {
        throw new Error(`the file is over the limit of ${most} MB. A bigger list can be split, or checked by whoever runs this assistant with its command line (send-guide staff)`);
      }
      const reply = await fetch("staff", { method: "POST", body: new FormData(event.currentTarget) });
      const body = await reply.json().catch(() => ({
        error: reply.status === 413 ? `the file is over the limit of ${most} MB` : "the list could not be checked",
      }));
      if (!reply.ok) throw new Error(body.error || "the list could not be checked");
      showStaffReport(body);
    } catch (error) {
      result.replaceChildren(el("p", { class: "error", role: "alert", text: `Sorry: ${error.message}.` }));
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    composerError.hidden = !!text;
    if (!text) {
      composerError.textContent = "Type a message first.";
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    input.removeAttribute("aria-invalid");
    input.value = "";
    send(text, text);
  });
  document.getElementById("start-again").addEventListener("click", startAgain);

  if (!ID.test(sender || "")) {
    sender = newId();
    localStorage.setItem(STORE, sender);
  }
  resume();
})();
