// The work after an ack waits while a burst is still arriving (src/platform/slack/ackFirst.ts):
// three or more requests that have reached the bot over HTTP and are not answered yet hold an
// approval's decision back, so the acks of a burst do not share the event loop with the work of the
// ones before; once they are answered the decision is made at once, well before the gate's
// 1 s limit. A press alone is decided at once (the other e2e tests).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workGateOf } from "../../src/platform/slack/app.js";
import { RequestActions } from "../../src/requests/ids.js";
import { fileRequest, waitForDb } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const { employee, manager } = ORG.people;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
const sockets: net.Socket[] = [];
afterAll(async () => {
  // a request left half-sent (a failed run) would hold the server's close
  for (const s of sockets) s.destroy();
  await h?.close();
});

/** A request to the events path whose body is still on its way: `finish` sends the rest and resolves with the status line. */
async function halfSent(port: number): Promise<{ finish: () => Promise<string> }> {
  const socket = net.connect(port, "127.0.0.1");
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  // Slack's SSL check: answered by the bot's guard, and counted like any request to the path
  const body = "ssl_check=1&token=x";
  socket.write(`POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
  socket.write(body.slice(0, 5));
  let answer = "";
  const answered = new Promise<string>((resolve) => {
    socket.on("data", (d) => {
      answer += d.toString();
      if (answer.includes("\r\n")) resolve(answer.split("\r\n")[0]!);
    });
  });
  return {
    finish: async () => {
      socket.write(body.slice(5));
      const status = await answered;
      socket.destroy();
      return status;
    },
  };
}

describe("an approval pressed while other requests are still arriving", () => {
  it("is decided once they are answered, not while they are on their way (three half-sent requests)", async () => {
    const filed = await fileRequest(h, employee, "purpose");
    const db = h.bot.services.database.prisma;
    const status = async () => (await db.request.findUniqueOrThrow({ where: { id: filed.id } })).status;
    expect(await status()).toBe("pending_manager");
    // with the press, a burst: three or more unanswered at once
    const others = await Promise.all([halfSent(h.port), halfSent(h.port), halfSent(h.port)]);
    // the bot has read their headers
    await waitForDb(
      async () => workGateOf(h.bot.app)?.stats().arriving ?? 0,
      (n) => n === 3,
      5_000,
    );
    const pressed = await h.slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: filed.parent.channel, ts: filed.parent.ts } });
    expect(pressed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 350));
    // acknowledged, recorded, and waiting for the burst to end
    expect(await status()).toBe("pending_manager");
    expect(await db.slackDelivery.count({ where: { kind: "press", decidedAt: null } })).toBeGreaterThanOrEqual(1);
    const finished = Date.now();
    expect(await Promise.all(others.map((o) => o.finish()))).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    await waitForDb(status, (s) => s === "pending_chief", 5_000);
    // well before the gate's 1 s limit counted from the press
    expect(Date.now() - finished).toBeLessThan(500);
  });
});
