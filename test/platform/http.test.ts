// The bot's HTTP surface as Slack and an operator's load balancer see it: only requests
// signed with the signing secret within 5 minutes of now (either way) do anything; /healthz answers
// while the process lives; /readyz only when the database answers and is migrated.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stateFromInputs } from "../../src/platform/slack/fake/sender.js";
import { RequestViews } from "../../src/requests/ids.js";
import { VALID_INPUTS } from "../support/forms.js";
import { SIGNING_SECRET, startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const url = (p: string) => `http://127.0.0.1:${h.port}${p}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await read();
      if (!ok(v)) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
      return v;
    },
    { timeout: timeoutMs, interval: 25 },
  );
}

/** Everything a request to the bot could change: the database rows and the Slack calls. */
async function snapshot() {
  const db = h.bot.services.database.prisma;
  // let the outbox finish what earlier tests queued, so only the request under test can change things
  await until(
    () => db.outboxMessage.count({ where: { status: "pending" } }),
    (n) => n === 0,
  );
  return {
    requests: await db.request.findMany({ orderBy: { id: "asc" } }),
    versions: await db.requestVersion.count(),
    events: await db.requestEvent.count(),
    audit: await db.auditEntry.findMany({ orderBy: { seq: "asc" } }),
    outbox: await db.outboxMessage.count(),
    deliveries: await db.slackDelivery.count(),
    unknownUsers: await db.unknownUser.count(),
    slackCalls: h.fake.calls.map((c) => c.method),
  };
}

// ---- what Slack sends, built by hand so each is sent byte for byte the same way -----------

type Body = { body: string; contentType: string };

/** `/privacy request purpose` typed by the employee: would open the request form (views.open). */
function commandBody(): Body {
  const form = new URLSearchParams({
    token: "fake-verification-token",
    team_id: h.fake.teamId,
    team_domain: "fake",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: P.employee,
    user_name: "yamada",
    command: "/privacy",
    text: "request purpose",
    api_app_id: h.fake.appId,
    response_url: h.fake.createResponseUrl({ channel: "C0GENERAL", user: P.employee }),
    trigger_id: h.fake.issueTriggerId(P.employee),
  });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

/** Submitting the open request form with valid inputs: would store a request, audit it and post it. */
function submissionBody(viewId: string): Body {
  const stored = h.fake.view(viewId)!;
  const payload = {
    type: "view_submission",
    team: { id: h.fake.teamId, domain: "fake" },
    user: { id: P.employee, username: "yamada", name: "yamada", team_id: h.fake.teamId },
    api_app_id: h.fake.appId,
    token: "fake-verification-token",
    trigger_id: h.fake.issueTriggerId(P.employee),
    view: h.fake.viewPayload(viewId, stateFromInputs(stored.view, VALID_INPUTS.purpose)),
    response_urls: [],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded" };
}

/** The employee opens the App Home tab: would publish the Home view (views.publish). */
function homeOpenedBody(): Body {
  const now = Date.now() / 1000;
  const envelope = {
    token: "fake-verification-token",
    team_id: h.fake.teamId,
    api_app_id: h.fake.appId,
    event: { type: "app_home_opened", user: P.employee, channel: h.fake.dmChannelOf(P.employee), tab: "home", event_ts: now.toFixed(6) },
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(now),
    authorizations: [{ enterprise_id: null, team_id: h.fake.teamId, user_id: h.fake.botUserId, is_bot: true, is_enterprise_install: false }],
  };
  return { body: JSON.stringify(envelope), contentType: "application/json" };
}

type Signing =
  | "no signature headers"
  | "no signature, timestamp only"
  | "a signature made with another secret"
  | "a signature of another body"
  | "a valid signature 5 minutes and 10 seconds old"
  | "a valid signature 5 minutes and 10 seconds in the future"
  | "a valid signature";

async function post({ body, contentType }: Body, signing: Signing, ageSeconds = 0) {
  const now = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "Content-Type": contentType };
  const sign = (ts: number, b = body, secret = SIGNING_SECRET) => {
    headers["X-Slack-Request-Timestamp"] = String(ts);
    headers["X-Slack-Signature"] = h.slack.sign(b, ts, secret);
  };
  switch (signing) {
    case "no signature headers":
      break;
    case "no signature, timestamp only":
      headers["X-Slack-Request-Timestamp"] = String(now);
      break;
    case "a signature made with another secret":
      sign(now, body, `not-${SIGNING_SECRET}`);
      break;
    case "a signature of another body":
      sign(now, `${body}&tampered=1`);
      break;
    case "a valid signature 5 minutes and 10 seconds old":
      sign(now - 5 * 60 - 10);
      break;
    case "a valid signature 5 minutes and 10 seconds in the future":
      sign(now + 5 * 60 + 10);
      break;
    case "a valid signature":
      sign(now - ageSeconds);
      break;
  }
  const res = await fetch(url("/slack/events"), { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

describe("POST /slack/events", () => {
  let formViewId: string;
  beforeAll(async () => {
    // an open request form, so a forged submission would have something to submit
    const r = await post(commandBody(), "a valid signature");
    expect(r.status).toBe(200);
    formViewId = (await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === RequestViews.form))).id;
  });

  it.each<Signing>([
    "no signature headers",
    "no signature, timestamp only",
    "a signature made with another secret",
    "a signature of another body",
    "a valid signature 5 minutes and 10 seconds old",
    "a valid signature 5 minutes and 10 seconds in the future",
  ])("with %s: 401, and nothing happens", async (signing) => {
    const before = await snapshot();
    const answers = [await post(commandBody(), signing), await post(submissionBody(formViewId), signing), await post(homeOpenedBody(), signing)];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    // nothing was sent to Slack, stored or logged, even a moment later
    await sleep(300);
    expect(await snapshot()).toEqual(before);
    expect(h.fake.openViews(P.employee).map((v) => v.id)).toEqual([formViewId]);
  });

  it("the same requests with a valid signature (up to 5 minutes old) do what they say", async () => {
    // This is what the 401 test rules out: a form opens, a request is stored and posted, Home is published.
    const before = await snapshot();
    expect((await post(submissionBody(formViewId), "a valid signature")).status).toBe(200);
    expect((await post(homeOpenedBody(), "a valid signature")).status).toBe(200);
    expect((await post(commandBody(), "a valid signature", 4 * 60)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.id !== formViewId && v.view.callback_id === RequestViews.form));
    const after = await until(snapshot, (s) => s.requests.length === before.requests.length + 1 && s.slackCalls.includes("views.publish"));
    expect(after.audit.length).toBeGreaterThan(before.audit.length);
    const newCalls = after.slackCalls.slice(before.slackCalls.length);
    expect(newCalls).toEqual(expect.arrayContaining(["views.open", "chat.postMessage", "views.publish"]));
  });

  it("Slack's SSL check (unsigned) gets 200, and a payload smuggled into it does nothing", async () => {
    const before = await snapshot();
    const viewsBefore = h.fake.openViews(P.employee).map((v) => v.id);
    const press = { type: "block_actions", user: { id: P.employee }, actions: [{ action_id: "x", value: "y" }], team: { id: h.fake.teamId } };
    const bodies = [
      { body: "ssl_check=1&token=fake-verification-token", contentType: "application/x-www-form-urlencoded" },
      { body: new URLSearchParams({ ssl_check: "1", payload: JSON.stringify(press) }).toString(), contentType: "application/x-www-form-urlencoded" },
      { body: `ssl_check=1&${commandBody().body}`, contentType: "application/x-www-form-urlencoded" },
    ];
    for (const b of bodies) expect((await post(b, "no signature headers")).status).toBe(200);
    await sleep(300);
    expect(await snapshot()).toEqual(before);
    expect(h.fake.openViews(P.employee).map((v) => v.id)).toEqual(viewsBefore);
  });

  it("a correctly signed url_verification gets its challenge back; an unsigned one does not", async () => {
    const body = {
      body: JSON.stringify({ token: "fake-verification-token", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }),
      contentType: "application/json",
    };
    const ok = await post(body, "a valid signature");
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    for (const signing of ["no signature headers", "a signature made with another secret", "a valid signature 5 minutes and 10 seconds old"] as const) {
      const r = await post(body, signing);
      expect(r.status, signing).toBe(401);
      expect(r.text).not.toContain("3eZbrw1aBm2rZgRNFdxV");
    }
    // the sender the other end-to-end tests use agrees
    expect(await h.slack.urlVerification("abc")).toMatchObject({ status: 200, body: { challenge: "abc" } });
    expect((await h.slack.urlVerification("abc", { stale: true })).status).toBe(401);
  });
});

describe("health and readiness", () => {
  const get = async (p: string) => {
    const res = await fetch(url(p));
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it("GET /healthz answers 200 while the process is alive", async () => {
    expect(await get("/healthz")).toEqual({ status: 200, body: { ok: true } });
  });

  it("GET /readyz answers 200 when the database answers and every migration is applied", async () => {
    expect(await get("/readyz")).toEqual({ status: 200, body: { ok: true } });
  });

  describe("GET /readyz answers 503", () => {
    const database = () => h.bot.services.database;

    it("when a migration on disk is not recorded as applied, and 200 again once it is", async () => {
      const [row] = await database().query<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
      expect(row).toBeDefined();
      await database().query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [row!.id]);
      try {
        expect(await get("/readyz")).toEqual({ status: 503, body: { ok: false } });
        expect((await get("/healthz")).status).toBe(200); // alive, just not ready
      } finally {
        const cols = Object.keys(row!);
        await database().query(
          `INSERT INTO "_prisma_migrations" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
          cols.map((c) => row![c]),
        );
      }
      expect((await get("/readyz")).status).toBe(200);
    });

    it("when a migration was rolled back", async () => {
      const [row] = await database().query<{ id: string }>(`SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
      await database().query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [row!.id]);
      try {
        expect(await get("/readyz")).toEqual({ status: 503, body: { ok: false } });
      } finally {
        await database().query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1`, [row!.id]);
      }
      expect((await get("/readyz")).status).toBe(200);
    });

    it("when the database has never been migrated (no migrations table at all)", async () => {
      await database().exec(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_away"`);
      try {
        expect(await get("/readyz")).toEqual({ status: 503, body: { ok: false } });
      } finally {
        await database().exec(`ALTER TABLE "_prisma_migrations_away" RENAME TO "_prisma_migrations"`);
      }
      expect((await get("/readyz")).status).toBe(200);
    });

    // last: the harness's database stays closed
    it("when the database is gone", async () => {
      await database().close();
      const started = Date.now();
      expect(await get("/readyz")).toEqual({ status: 503, body: { ok: false } });
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await get("/healthz")).status).toBe(200);
    });
  });
});
