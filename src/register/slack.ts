// Slack handlers of the register of personal data: open an entry (its fields and history),
// open the form (new or edit), save it, mark an entry reviewed. Parse, call the flows, render.
import { z } from "zod";
import { managedDepartments, isChiefOrDeputy } from "../directory/roles.js";
import { dayIn } from "../platform/day.js";
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { checkedBy, readModal, type ModalValues } from "../platform/slack/modal.js";
import { doneView, entryView, formView } from "./blocks.js";
import { logRefusal, markReviewed, saveEntry, type Refusal } from "./flows.js";
import { INPUT, RegisterActions, RegisterViews, type FormMeta } from "./ids.js";
import { registerMessages } from "./messages.js";
import { checkForm, mayEdit, type FormInput, type Problem } from "./rules.js";
import { departmentNames, departmentOptions, entryVersions, findEntry, type RegisterEntry } from "./store.js";

const telecom = (s: Services) => s.settings?.company.telecomCarrier ?? true;
const today = (s: Services) => dayIn(s.clock.now(), s.timeZone);
const raw = z.string().optional();

/** The entry's form, read and checked by the rules' checkForm. */
function entryForm(lang: Lang) {
  const m = registerMessages(lang);
  const fields = {
    name: "text",
    departmentId: "option",
    ownerId: "user",
    purposes: "text",
    dataItems: "text",
    sensitive: "option",
    peopleBand: "option",
    source: "text",
    collectionMethod: "text",
    storage: "text",
    retention: "text",
    retentionUntil: "date",
    disposalMethod: "text",
    countries: "text",
    access: "text",
    securityMeasures: "text",
    externalTransmissions: "text",
    transmissionNotice: "option",
    relatedInfoProvision: "text",
    relatedInfoConfirmation: "option",
  } as const;
  const shape = Object.fromEntries(Object.keys(fields).map((k) => [k, raw])) as Record<keyof typeof fields, typeof raw>;
  return {
    action: INPUT,
    lang,
    fields,
    schema: checkedBy(
      z.object(shape),
      (v) => checkForm(v as FormInput),
      (p: Problem) => m.problems[p],
    ),
  } as const;
}

/** The entry with its history, as a modal (buttons to edit and review for its owner and the chief). */
export async function renderEntry(s: Services, e: RegisterEntry, actor: { slackId: string; roles: readonly string[]; lang: Lang }) {
  const [versions, departments] = await Promise.all([entryVersions(s.database.prisma, e.id), departmentNames(s.database.prisma)]);
  return entryView(e, versions, actor.lang, { departments, telecomCarrier: telecom(s), mayEdit: mayEdit(actor as never, e), today: today(s) });
}

function refusalText(r: Refusal, lang: Lang, ownerId?: string): string {
  const m = registerMessages(lang);
  switch (r) {
    case "not_found":
      return m.notFound;
    case "not_allowed":
      return ownerId ? m.notAllowedEdit(`<@${ownerId}>`) : m.notAllowedCreate;
    case "not_allowed_for_department":
      return m.notAllowedCreateFor;
    case "stale":
      return m.stale;
    case "owner_unknown":
      return m.ownerUnknown;
    case "department_unknown":
      return m.departmentUnknown;
  }
}

/**
 * Tells the presser something: in a message, an ephemeral answer (its response_url); in a
 * modal or the Home tab, which have none, a small modal on top.
 */
async function answer(c: PressContext<unknown>, text: string): Promise<void> {
  const view = c.body.view;
  if (!view) return void (await c.tell(text));
  const done = doneView(text, c.actor.lang);
  if (view.type === "modal") await c.client.views.push({ trigger_id: c.body.trigger_id, view: done });
  else await c.client.views.open({ trigger_id: c.body.trigger_id, view: done });
}

/** "Open" on a list, the Home tab or a reminder: the entry's modal. */
export async function openEntry(c: PressContext<string>): Promise<void> {
  const { s, actor } = c;
  const e = await findEntry(s.database.prisma, { id: c.value });
  if (!e) return answer(c, registerMessages(actor.lang).notFound);
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: await renderEntry(s, e, actor) });
}

/** "Edit" in the entry's modal: the owner or the chief gets the form (pushed on the entry); anyone else is told why. */
export async function openEdit(c: PressContext<string>): Promise<void> {
  const { s, actor } = c;
  const m = registerMessages(actor.lang);
  const e = await findEntry(s.database.prisma, { id: c.value });
  if (!e) return answer(c, m.notFound);
  if (!mayEdit(actor, e)) {
    await logRefusal(s, actor.slackId, `register:${e.code}`, "amend", "not_allowed");
    return answer(c, m.notAllowedEdit(`<@${e.ownerId}>`));
  }
  const view = formView(e, { departmentId: e.departmentId, ownerId: e.ownerId }, actor.lang, {
    departments: await departmentOptions(s.database.prisma),
    telecomCarrier: telecom(s),
  });
  if (c.body.view) await c.client.views.push({ trigger_id: c.body.trigger_id, view });
  else await c.client.views.open({ trigger_id: c.body.trigger_id, view });
}

/** "New entry" under the list: the chief or a manager gets the empty form. */
export async function openCreate(c: PressContext<string>): Promise<void> {
  const { s, actor } = c;
  const m = registerMessages(actor.lang);
  const managed = managedDepartments(actor);
  if (!isChiefOrDeputy(actor) && managed.length === 0) {
    await logRefusal(s, actor.slackId, "register:new", "create", "not_allowed");
    return answer(c, m.notAllowedCreate);
  }
  const departmentId = managed.includes(actor.departmentId ?? "") || managed.length === 0 ? (actor.departmentId ?? "") : managed[0]!;
  await c.client.views.open({
    trigger_id: c.body.trigger_id,
    view: formView(null, { departmentId, ownerId: actor.slackId }, actor.lang, {
      departments: await departmentOptions(s.database.prisma),
      telecomCarrier: telecom(s),
    }),
  });
}

/** The form's submission: a field error, a refusal on the form, or the saved entry shown in its place. */
export async function saveForm(c: SubmitContext<FormMeta>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const checked = readModal(c.view.state.values as ModalValues, entryForm(lang));
  if (!checked.ok) return c.ack({ response_action: "errors", errors: checked.errors });
  const r = await saveEntry(s, { id: meta.id, version: meta.version, actorId: actor.slackId, value: checked.data });
  if (!r.ok)
    return c.fail(
      refusalText(r.refusal, lang, r.ownerId),
      r.refusal === "owner_unknown" ? "ownerId" : r.refusal.startsWith("department") ? "departmentId" : "name",
    );
  const view = await renderEntry(s, r.entry, actor);
  await c.ack({ response_action: "update", view });
}

/** "Mark reviewed": the annual review, recorded as a version; the modal (if any) shows the entry again. */
export async function reviewEntry(c: PressContext<string>): Promise<void> {
  const { s, actor } = c;
  const m = registerMessages(actor.lang);
  const r = await markReviewed(s, { id: c.value, actorId: actor.slackId });
  if (!r.ok) return answer(c, refusalText(r.refusal, actor.lang, r.ownerId));
  if (c.body.view?.type === "modal") await c.client.views.update({ view_id: c.body.view.id, view: await renderEntry(s, r.entry, actor) });
  else await answer(c, m.reviewDone(r.entry.code, r.day));
}

const entryId = z.string().min(1).max(64);

export const registerHandlers: readonly HandlerDef[] = [
  press(RegisterActions.open, { value: entryId, invalid: ({ lang }) => registerMessages(lang).notFound }, openEntry),
  press(RegisterActions.edit, { value: entryId, invalid: ({ lang }) => registerMessages(lang).notFound }, openEdit),
  press(RegisterActions.create, { value: z.literal("new"), invalid: ({ lang }) => registerMessages(lang).notFound }, openCreate),
  press(RegisterActions.reviewed, { value: entryId, invalid: ({ lang }) => registerMessages(lang).notFound }, reviewEntry),
  submit(
    RegisterViews.form,
    {
      meta: json(z.object({ id: z.string().min(1).max(64).nullable(), version: z.number().int().min(0) })),
      block: "name",
      invalid: (lang) => registerMessages(lang).notFound,
    },
    saveForm,
  ),
];
