// Who is pressing or typing: the person in the directory, with their language.
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../directory/actor.js";
import { rolesInForce } from "../../directory/roles.js";
import { langOfPerson } from "../../directory/store.js";
import { ACK_LANE_CONNECTIONS } from "../db.js";
import type { Lang } from "../i18n.js";
import type { Services } from "../services.js";

const LOCALE_TTL_MS = 7 * 24 * 3600 * 1000;

const PERSON_COLUMNS = `p."slackId", p."name", p."departmentId", p."roles", p."lang", p."slackLocale",
       (extract(epoch FROM p."localeCheckedAt") * 1000)::float8 AS "checkedMs"`;

/** The person in the directory, or null. Reads the Slack locale (users.info) at most once a week. */
export async function resolveActor(s: Services, client: WebClient, userId: string): Promise<Actor | null> {
  // Every command and press starts here: one plain query through the driver (Prisma
  // compiles each query on the event loop, about ten times the cost of the query itself).
  const [p] = await s.database.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM "Person" p WHERE p."slackId" = $1`, [userId], "mamori_actor");
  return p ? actorOf(s, client, p) : null;
}

/**
 * Records the delivery and finds the person, in one statement: `first` is false when the
 * delivery was seen already (a Slack retry or a duplicate), and then nothing else is done.
 * The row holds no work: what runs from it is not taken up again after a crash (a
 * shortcut). Commands and presses are recorded with their work (`recordDelivery`).
 */
export async function firstDeliveryBy(
  s: Services,
  client: WebClient,
  key: string,
  userId: string,
): Promise<{ first: false } | { first: true; actor: Actor | null }> {
  const [row] = await s.database.query<PersonRow & { first: boolean }>(
    `WITH d AS (INSERT INTO "SlackDelivery" ("key", "receivedAt") VALUES ($1, $2::timestamp) ON CONFLICT ("key") DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM d) AS "first", ${PERSON_COLUMNS}
       FROM (SELECT 1) one LEFT JOIN "Person" p ON p."slackId" = $3`,
    [key, s.clock.now().toISOString(), userId],
    "mamori_delivery_actor",
  );
  if (!row?.first) return { first: false };
  return { first: true, actor: row.slackId === null ? null : await actorOf(s, client, row) };
}

/** A delivery with the work it asks for, as the inbox writes it (inbox.ts). */
export interface DeliveryRecord {
  key: string;
  userId: string;
  kind: "press" | "command";
  /** what the work needs to run again elsewhere (the payload, its response_url) */
  payload: unknown;
  /** the process that holds the work, and until when */
  owner: string;
  leaseUntil: Date;
}

/** The person as the delivery's statement read them; `actorOf` makes the Actor after the ack. */
export type Person = PersonRow;

/**
 * Records the delivery with its work and finds the person, in one statement, before the
 * ack: `first` is false when the delivery was seen already (a Slack retry or a
 * duplicate), and then nothing else is done. `person` is null for someone missing from
 * the directory.
 *
 * Deliveries that arrive while the ack lane's statements are out (two on a server, one on
 * the embedded database) share the next one (group commit): in a burst, 20 presses in
 * flight wait for a few statements instead of twenty, each of which would queue for a
 * connection and commit on its own; a delivery arriving while only one is out goes at once.
 */
export function recordDelivery(s: Services, d: DeliveryRecord, hold?: () => Promise<void>): Promise<{ first: false } | { first: true; person: Person | null }> {
  let batcher = batchers.get(s.database);
  if (!batcher) {
    batcher = new DeliveryBatcher(s.database);
    batchers.set(s.database, batcher);
  }
  return batcher.record(d, s.clock.now(), hold);
}

type Recorded = { first: false } | { first: true; person: Person | null };
const batchers = new WeakMap<Services["database"], DeliveryBatcher>();

class DeliveryBatcher {
  private waiting: { d: DeliveryRecord; at: Date; resolve: (r: Recorded) => void; reject: (e: unknown) => void }[] = [];
  /** statements out now */
  private out = 0;
  /** statements out at once at most: the ack lane's connections on a server, one on the embedded database */
  private readonly most: number;
  /** a statement waits this long for others to join it when none is out (journaled: the ack does not wait for it) */
  private readonly lingerMs: number;
  private lingering = false;
  /** journaled: what the statement waits for besides others joining it (the end of a burst, ackFirst.ts) */
  private hold: (() => Promise<void>) | undefined;
  /** deliveries in one statement at most */
  private readonly maxBatch: number;
  constructor(private readonly database: Services["database"]) {
    this.most = database.kind === "postgres" ? ACK_LANE_CONNECTIONS : 1;
    this.lingerMs = database.journal ? JOURNALED_LINGER_MS : 0;
    this.maxBatch = database.journal ? JOURNALED_MAX_BATCH : MAX_BATCH;
  }

  record(d: DeliveryRecord, at: Date, hold?: () => Promise<void>): Promise<Recorded> {
    this.hold = hold;
    return new Promise((resolve, reject) => {
      this.waiting.push({ d, at, resolve, reject });
      this.pump();
    });
  }

  /**
   * Sends what waits, in statements of at most `maxBatch`, while fewer than `most` are out;
   * journaled, a statement first lingers for others to join it (until the burst is over,
   * given a hold).
   */
  private pump(): void {
    if (this.waiting.length === 0) return;
    if (this.lingerMs > 0 && this.out === 0 && this.waiting.length < this.maxBatch) {
      if (this.lingering) return;
      this.lingering = true;
      const go = () => {
        this.lingering = false;
        this.sendWaiting();
      };
      if (this.hold) this.hold().then(go, go);
      else setTimeout(go, this.lingerMs);
      return;
    }
    this.sendWaiting();
  }

  private sendWaiting(): void {
    while (this.out < this.most && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.out++;
      void this.send(batch).finally(() => {
        this.out--;
        // journaled, what arrived meanwhile lingers again; else it goes at once (it has waited for this statement already)
        this.pump();
      });
    }
  }

  private async send(batch: DeliveryBatcher["waiting"]): Promise<void> {
    try {
      const rows = await this.database.query<PersonRow & { n: number; first: boolean }>(
        `WITH input AS (SELECT e, n FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(e, n)),
              d AS (INSERT INTO "SlackDelivery" ("key", "receivedAt", "kind", "payload", "owner", "leaseUntil")
                    SELECT e->>'key', (e->>'at')::timestamp, e->>'kind', e->'payload', e->>'owner', (e->>'leaseUntil')::timestamp
                      FROM input ORDER BY n
                    ON CONFLICT ("key") DO NOTHING RETURNING "key")
         SELECT i.n::int AS n,
                -- a key twice in one batch (Slack's retry beside the original): the first is the one
                EXISTS (SELECT 1 FROM d WHERE d."key" = i.e->>'key')
                  AND i.n = (SELECT min(j.n) FROM input j WHERE j.e->>'key' = i.e->>'key') AS "first",
                ${PERSON_COLUMNS}
           FROM input i LEFT JOIN "Person" p ON p."slackId" = i.e->>'userId'`,
        [
          JSON.stringify(
            batch.map(({ d, at }) => ({
              key: d.key,
              at: at.toISOString(),
              kind: d.kind,
              payload: d.payload,
              owner: d.owner,
              leaseUntil: d.leaseUntil.toISOString(),
              userId: d.userId,
            })),
          ),
        ],
        "mamori_inbox_actors",
        "ack",
      );
      const byN = new Map(rows.map((r) => [Number(r.n), r]));
      batch.forEach((w, i) => {
        const row = byN.get(i + 1);
        if (!row?.first) w.resolve({ first: false });
        else w.resolve({ first: true, person: row.slackId === null ? null : personOf(row) });
      });
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}

/** deliveries in one statement at most */
const MAX_BATCH = 50;
/** journaled (nothing waits for the statement but the work, held in a burst anyway): a burst in one or two */
const JOURNALED_MAX_BATCH = 200;

/**
 * On the embedded database the record before the ack is the journal's line (ackJournal.ts),
 * and this statement follows it: it waits a few milliseconds for the deliveries arriving
 * meanwhile, so that a burst is written in a few statements instead of one or two per
 * delivery (each statement costs the two threads more than the rows in it). The work of a
 * delivery starts when its row is written: this much later.
 */
const JOURNALED_LINGER_MS = 8;

function personOf(r: PersonRow & { n?: number; first?: boolean }): PersonRow {
  return {
    slackId: r.slackId,
    name: r.name,
    departmentId: r.departmentId,
    roles: r.roles,
    lang: r.lang,
    slackLocale: r.slackLocale,
    checkedMs: r.checkedMs,
  };
}

/** The Actor of a person read from the directory (their Slack locale asked at most once a week). */
export async function actorOf(s: Services, client: WebClient, p: PersonRow): Promise<Actor> {
  const userId = p.slackId;
  let slackLocale = p.slackLocale;
  if (!p.lang && (p.checkedMs === null || s.clock.now().getTime() - p.checkedMs > LOCALE_TTL_MS)) {
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      slackLocale = (info.user as { locale?: string } | undefined)?.locale ?? null;
    } catch (e) {
      s.log.warn("users.info failed; using the default language", { user: userId, error: String((e as Error).message) });
    }
    await s.database.prisma.person.update({ where: { slackId: userId }, data: { slackLocale, localeCheckedAt: s.clock.now() } });
  }
  const lang: Lang = langOfPerson({ lang: p.lang, slackLocale });
  // a deputy chief turned off in the settings (a company extension) holds no power
  const roles = rolesInForce(p.roles ?? [], s.settings?.governance.deputyChief ?? true);
  return { slackId: p.slackId, name: p.name, departmentId: p.departmentId, roles, lang };
}

interface PersonRow {
  slackId: string;
  name: string;
  departmentId: string | null;
  roles: string[] | null;
  lang: string | null;
  slackLocale: string | null;
  /** localeCheckedAt in ms since the epoch (a timestamp without time zone holds UTC) */
  checkedMs: number | null;
}

/**
 * The delivery key of a block action: the same for Slack's retries of one press,
 * different for two presses (even two in the same microsecond on different messages).
 */
export function actionDeliveryKey(body: {
  user: { id: string };
  actions: { action_ts?: string; action_id: string; block_id?: string; value?: string; selected_option?: { value?: string } | null }[];
  container?: { message_ts?: string; view_id?: string };
}): string {
  const a = body.actions[0]!;
  const where = body.container?.message_ts ?? body.container?.view_id ?? "";
  // not the value: a retry carries the same press, and the message may have been edited since
  return `action:${body.user.id}:${a.action_ts ?? ""}:${a.action_id}:${a.block_id ?? ""}:${where}`;
}
