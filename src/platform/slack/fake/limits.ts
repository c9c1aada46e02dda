// Block Kit limits as Slack enforces them (Slack's Block Kit and API reference).
// Pure functions: each returns a list of problems, one readable sentence with a path each
// ("blocks[2].accessory.text.text: at most 75 characters (got 80)"); empty means valid.
// The fake Slack rejects what these reject, so a message Slack would refuse fails locally.

export type Surface = "message" | "modal" | "home";

export const LIMITS = {
  blocks: { message: 50, modal: 100, home: 100 },
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** action_id, block_id, callback_id */
  id: 255,
  /** plain_text_input max_length / min_length */
  plainTextInput: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 75,
  overflowOptions: 5,
  /** checkboxes, radio_buttons */
  choiceOptions: 10,
  placeholder: 150,
  url: 3000,
  /** input label and hint, image alt_text and title */
  label: 2000,
  /** modal title, submit, close */
  viewTitle: 24,
  privateMetadata: 3000,
  /** file_input max_files */
  fileInputMaxFiles: 10,
  /** a file given to a file_input (10 MB) */
  fileInputBytes: 10 * 1024 * 1024,
} as const;

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const SELECTS = ["static_select", "multi_static_select", "users_select", "multi_users_select", "conversations_select", "channels_select"];
const CHOICES = ["checkboxes", "radio_buttons", "datepicker", "timepicker"];

/** Element types each container accepts. */
const ALLOWED = {
  actions: new Set<string>(["button", "overflow", "plain_text_input", ...SELECTS, ...CHOICES]),
  // file_input: input blocks of modals only (Slack's file input element)
  input: new Set<string>(["plain_text_input", "file_input", ...SELECTS, ...CHOICES]),
  accessory: new Set<string>(["button", "overflow", "image", ...SELECTS, ...CHOICES]),
  context: new Set<string>(["image", "plain_text", "mrkdwn"]),
};

const KNOWN_BLOCKS = new Set(["header", "section", "context", "divider", "actions", "input", "image", "rich_text", "file"]);

class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  /** A string of at most `max` (and at least `min`) characters; absent is fine unless `required`. */
  string(path: string, value: unknown, max: number, opts: { min?: number; required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.add(path, "is required");
      return;
    }
    if (typeof value !== "string") return this.add(path, "must be a string");
    if (value.length > max) this.add(path, `at most ${max} characters (got ${value.length})`);
    else if (value.length < (opts.min ?? 0)) this.add(path, `at least ${opts.min} character(s)`);
  }

  /** A text object `{ type: "plain_text" | "mrkdwn", text }`. */
  text(path: string, value: unknown, max: number, opts: { plainOnly?: boolean; required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.add(path, "is required");
      return;
    }
    if (!isObj(value)) return this.add(path, "must be a text object");
    const allowed = opts.plainOnly ? ["plain_text"] : ["plain_text", "mrkdwn"];
    if (!allowed.includes(String(value.type))) {
      this.add(`${path}.type`, `must be ${allowed.join(" or ")} (got ${JSON.stringify(value.type)})`);
    }
    this.string(`${path}.text`, value.text, max, { min: 1, required: true });
  }

  /** An array of at most `max` (and at least `min`) items; returns the items to check further. */
  array(path: string, value: unknown, max: number, opts: { min?: number; required?: boolean } = {}): unknown[] {
    if (value === undefined) {
      if (opts.required) this.add(path, "is required");
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, "must be an array");
      return [];
    }
    if (value.length > max) this.add(path, `at most ${max} items (got ${value.length})`);
    else if (value.length < (opts.min ?? 0)) this.add(path, `at least ${opts.min} item(s) (got ${value.length})`);
    return value;
  }

  options(path: string, value: unknown, max: number, opts: { plainOnly: boolean; required?: boolean }): void {
    this.array(path, value, max, { min: 1, required: opts.required }).forEach((option, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(option)) return this.add(p, "must be an option object");
      this.text(`${p}.text`, option.text, LIMITS.optionText, { plainOnly: opts.plainOnly, required: true });
      this.string(`${p}.value`, option.value, LIMITS.optionValue, { min: 1, required: true });
      this.text(`${p}.description`, option.description, LIMITS.optionText, { plainOnly: opts.plainOnly });
    });
  }

  element(path: string, el: unknown, allowed: ReadonlySet<string>, where: string): void {
    if (!isObj(el) || typeof el.type !== "string") return this.add(path, "must be an element object with a type");
    if (!allowed.has(el.type)) return this.add(`${path}.type`, `element type "${el.type}" is not allowed in ${where}`);
    if (el.type === "plain_text" || el.type === "mrkdwn") return this.text(path, el, LIMITS.sectionText);
    if (el.type === "image") {
      if (el.image_url === undefined && el.slack_file === undefined) this.add(path, "needs image_url or slack_file");
      this.string(`${path}.image_url`, el.image_url, LIMITS.url);
      this.string(`${path}.alt_text`, el.alt_text, LIMITS.label, { required: true });
      return;
    }
    this.string(`${path}.action_id`, el.action_id, LIMITS.id, { min: 1 });
    this.text(`${path}.placeholder`, el.placeholder, LIMITS.placeholder, { plainOnly: true });
    switch (el.type) {
      case "button":
        this.text(`${path}.text`, el.text, LIMITS.buttonText, { plainOnly: true, required: true });
        this.string(`${path}.value`, el.value, LIMITS.buttonValue);
        this.string(`${path}.url`, el.url, LIMITS.url);
        if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
          this.add(`${path}.style`, `must be "primary" or "danger"`);
        }
        break;
      case "static_select":
      case "multi_static_select":
        if (el.option_groups !== undefined) {
          this.array(`${path}.option_groups`, el.option_groups, LIMITS.selectOptions, { min: 1 }).forEach((g, i) =>
            this.options(`${path}.option_groups[${i}].options`, isObj(g) ? g.options : undefined, LIMITS.selectOptions, {
              plainOnly: true,
              required: true,
            }),
          );
        } else {
          this.options(`${path}.options`, el.options, LIMITS.selectOptions, { plainOnly: true, required: true });
        }
        break;
      case "overflow":
        this.options(`${path}.options`, el.options, LIMITS.overflowOptions, { plainOnly: true, required: true });
        break;
      case "checkboxes":
      case "radio_buttons":
        this.options(`${path}.options`, el.options, LIMITS.choiceOptions, { plainOnly: false, required: true });
        break;
      case "plain_text_input":
        for (const key of ["max_length", "min_length"] as const) {
          const n = el[key];
          if (n !== undefined && (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > LIMITS.plainTextInput)) {
            this.add(`${path}.${key}`, `must be an integer from 0 to ${LIMITS.plainTextInput} (got ${JSON.stringify(n)})`);
          }
        }
        this.string(`${path}.initial_value`, el.initial_value, LIMITS.plainTextInput);
        break;
      case "file_input":
        // max_files 1-10 (default 10); filetypes a list of extensions
        if (
          el.max_files !== undefined &&
          (typeof el.max_files !== "number" || !Number.isInteger(el.max_files) || el.max_files < 1 || el.max_files > LIMITS.fileInputMaxFiles)
        ) {
          this.add(`${path}.max_files`, `must be an integer from 1 to ${LIMITS.fileInputMaxFiles} (got ${JSON.stringify(el.max_files)})`);
        }
        if (el.filetypes !== undefined && (!Array.isArray(el.filetypes) || el.filetypes.some((t) => typeof t !== "string" || t.length === 0))) {
          this.add(`${path}.filetypes`, "must be a list of file extensions");
        }
        break;
    }
  }

  block(path: string, block: Obj, surface: Surface): void {
    switch (block.type) {
      case "header":
        this.text(`${path}.text`, block.text, LIMITS.headerText, { plainOnly: true, required: true });
        break;
      case "section":
        if (block.text === undefined && block.fields === undefined) this.add(path, "needs text or fields");
        this.text(`${path}.text`, block.text, LIMITS.sectionText);
        this.array(`${path}.fields`, block.fields, LIMITS.sectionFields, { min: 1 }).forEach((f, i) =>
          this.text(`${path}.fields[${i}]`, f, LIMITS.fieldText, { required: true }),
        );
        if (block.accessory !== undefined) this.element(`${path}.accessory`, block.accessory, ALLOWED.accessory, "a section accessory");
        break;
      case "context":
        this.array(`${path}.elements`, block.elements, LIMITS.contextElements, { min: 1, required: true }).forEach((el, i) =>
          this.element(`${path}.elements[${i}]`, el, ALLOWED.context, "a context block"),
        );
        break;
      case "actions":
        this.array(`${path}.elements`, block.elements, LIMITS.actionsElements, { min: 1, required: true }).forEach((el, i) =>
          this.element(`${path}.elements[${i}]`, el, ALLOWED.actions, "an actions block"),
        );
        break;
      case "input":
        // This project's rule (stack.md): input blocks belong in modals only.
        if (surface !== "modal") this.add(path, `input blocks are only allowed in modals, not in a ${surface}`);
        this.text(`${path}.label`, block.label, LIMITS.label, { plainOnly: true, required: true });
        this.text(`${path}.hint`, block.hint, LIMITS.label, { plainOnly: true });
        if (block.element === undefined) this.add(`${path}.element`, "is required");
        else this.element(`${path}.element`, block.element, ALLOWED.input, "an input block");
        break;
      case "image":
        if (block.image_url === undefined && block.slack_file === undefined) this.add(path, "needs image_url or slack_file");
        this.string(`${path}.image_url`, block.image_url, LIMITS.url);
        this.string(`${path}.alt_text`, block.alt_text, LIMITS.label, { required: true });
        this.text(`${path}.title`, block.title, LIMITS.label, { plainOnly: true });
        break;
      // divider, rich_text and file: nothing this fake checks beyond the block_id
    }
  }
}

/** Problems with `blocks` on a surface; an empty list means Slack would accept them. */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  const p = new Problems();
  const list = p.array("blocks", blocks, LIMITS.blocks[surface], { required: true });
  const seen = new Set<string>();
  list.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isObj(block) || typeof block.type !== "string") return p.add(path, "must be a block object with a type");
    if (!KNOWN_BLOCKS.has(block.type)) return p.add(`${path}.type`, `unknown block type "${block.type}"`);
    p.string(`${path}.block_id`, block.block_id, LIMITS.id, { min: 1 });
    if (typeof block.block_id === "string") {
      if (seen.has(block.block_id)) p.add(`${path}.block_id`, `duplicate block_id "${block.block_id}"`);
      seen.add(block.block_id);
    }
    p.block(path, block, surface);
  });
  return p.list;
}

/** Problems with a view (`views.open`/`push`/`update`/`publish`); an empty list means valid. */
export function validateView(view: unknown): string[] {
  if (!isObj(view)) return ["view: must be an object"];
  if (view.type !== "modal" && view.type !== "home") {
    return [`view.type: must be "modal" or "home" (got ${JSON.stringify(view.type)})`];
  }
  const p = new Problems();
  const modal = view.type === "modal";
  p.text("view.title", view.title, LIMITS.viewTitle, { plainOnly: true, required: modal });
  p.text("view.submit", view.submit, LIMITS.viewTitle, { plainOnly: true });
  p.text("view.close", view.close, LIMITS.viewTitle, { plainOnly: true });
  p.string("view.private_metadata", view.private_metadata, LIMITS.privateMetadata);
  p.string("view.callback_id", view.callback_id, LIMITS.id);
  p.string("view.external_id", view.external_id, LIMITS.id);
  const blocks = validateBlocks(view.blocks, view.type);
  p.list.push(...blocks.map((problem) => `view.${problem}`));
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === "input");
  if (modal && hasInput && view.submit === undefined) p.add("view.submit", "is required when the modal has input blocks");
  return p.list;
}
