"use strict";
const { bytes, connect, emitWithAck, once, report, run, upgraded } = require("../harness");

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  socket.on("question", (asked, callback) => callback(Buffer.from([9, 8, 7])));
  const echo = once(socket, "echo");
  const ack = await emitWithAck(socket, "echo", "file", Buffer.from([1, 2, 3]));
  const [name, file] = await echo;
  report("echo", { name, bytes: bytes(file) });
  report("ack", { name: ack[0], bytes: bytes(ack[1]) });
  const answer = once(socket, "answer");
  socket.emit("ask", "send bytes");
  report("answer", { bytes: bytes((await answer)[0]) });
  socket.disconnect();
});
