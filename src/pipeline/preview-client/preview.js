// The preview's error overlay, on every page `npm start` serves (src/pipeline/preview.ts).
// When a save cannot be rendered, the page stays at its last good version and this shows
// what is wrong over it, file:line first; the next good render clears it. It hears of both
// on the preview server's websocket, as the live reload does, and asks for the current state
// when a page loads, so a page opened while an article is broken shows it too.

const template = document.getElementById("preview-error");
let shown;

function hide() {
  shown?.remove();
  shown = undefined;
}

function show(lines) {
  hide();
  if (!template || lines.length === 0) return;
  shown = template.content.firstElementChild.cloneNode(true);
  shown.querySelector(".preview-error-text").textContent = lines.join("\n");
  document.body.append(shown);
}

fetch(new URL("status.json", import.meta.url), { cache: "no-store" })
  .then((response) => response.json())
  .then(({ errors }) => show(errors))
  .catch(() => {});

const socket = new WebSocket(`${location.protocol.replace("http", "ws")}//${location.host}`);
socket.addEventListener("message", (event) => {
  const { type, error } = JSON.parse(event.data);
  if (type === "eleventy.error") show(JSON.parse(error).message.split("\n"));
  if (type === "eleventy.reload") hide();
});
