"use strict";
// Shared by the scenarios: options for the transport setting under test, JSON-line reports on
// stdout for the JUnit side to assert on, and promise helpers over the socket.io-client API.
const { io, Manager } = require("socket.io-client");

const SCENARIO_TIMEOUT_MS = 20000;
const RECONNECTION_DELAY_MS = 100;

const [url, transport] = process.argv.slice(2);

function report(step, fields = {}) {
  process.stdout.write(JSON.stringify({ step, ...fields }) + "\n");
}

function fail(message) {
  report("error", { message });
  process.exit(1);
}

if (!url || !["default", "websocket", "polling"].includes(transport)) {
  fail("usage: node <scenario>.js <server url> <default|websocket|polling>");
}

function options(extra = {}) {
  const opts = {
    forceNew: true,
    reconnectionDelay: RECONNECTION_DELAY_MS,
    reconnectionDelayMax: RECONNECTION_DELAY_MS,
    randomizationFactor: 0,
    ...extra,
  };
  if (transport !== "default") {
    opts.transports = [transport];
  }
  return opts;
}

function once(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

/** Emits with an acknowledgement callback; resolves with the arguments of the acknowledgement. */
function emitWithAck(socket, event, ...args) {
  return new Promise((resolve) => socket.emit(event, ...args, (...answer) => resolve(answer)));
}

/** A socket connected to the namespace of `path`, or a rejection with the connect error. */
function connect(path = "", extra = {}) {
  const socket = io(url + path, options(extra));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
  });
}

/** Resolves once the Engine.IO connection runs over WebSocket (immediately unless upgrading). */
function upgraded(socket) {
  const engine = socket.io.engine;
  if (transport !== "default" || engine.transport.name === "websocket") {
    return Promise.resolve();
  }
  return once(engine, "upgrade");
}

function bytes(binary) {
  return Array.from(new Uint8Array(binary));
}

function run(scenario) {
  const watchdog = setTimeout(() => fail(`scenario did not finish within ${SCENARIO_TIMEOUT_MS} ms`), SCENARIO_TIMEOUT_MS);
  scenario()
    .then(() => {
      clearTimeout(watchdog);
      report("done");
      process.exit(0);
    })
    .catch((err) => fail(String((err && err.stack) || err)));
}

module.exports = { io, Manager, url, transport, options, report, once, emitWithAck, connect, upgraded, bytes, run };
