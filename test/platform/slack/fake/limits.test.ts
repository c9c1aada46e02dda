import { describe, expect, it } from "vitest";
import { type Surface, validateBlocks, validateView } from "../../../../src/platform/slack/fake/limits.js";

const x = (n: number): string => "x".repeat(n);
const plain = (text: string) => ({ type: "plain_text", text });
const section = (text = "hi") => ({ type: "section", text: { type: "mrkdwn", text } });
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const option = (text: string, value = "v") => ({ text: plain(text), value });
const button = (over: Record<string, unknown> = {}) => ({ type: "button", action_id: "b", text: plain("Go"), ...over });
const actions = (...elements: unknown[]) => ({ type: "actions", elements });
const input = (element: unknown, block_id = "in") => ({ type: "input", block_id, label: plain("Label"), element });
const select = (type: string, options: unknown[]) => ({ type, action_id: "s", options });

interface Case {
  name: string;
  surface?: Surface;
  ok: unknown[];
  bad: unknown[];
  problem: string;
}

const cases: Case[] = [
  { name: "50 blocks per message", ok: times(50, () => section()), bad: times(51, () => section()), problem: "at most 50 items" },
  { name: "100 blocks per modal", surface: "modal", ok: times(100, () => section()), bad: times(101, () => section()), problem: "at most 100 items" },
  { name: "100 blocks per home", surface: "home", ok: times(100, () => section()), bad: times(101, () => section()), problem: "at most 100 items" },
  { name: "section text <= 3000", ok: [section(x(3000))], bad: [section(x(3001))], problem: "text.text: at most 3000" },
  { name: "section text >= 1", ok: [section("a")], bad: [section("")], problem: "text.text: at least 1" },
  {
    name: "section fields <= 10",
    ok: [{ type: "section", fields: times(10, () => plain("f")) }],
    bad: [{ type: "section", fields: times(11, () => plain("f")) }],
    problem: "fields: at most 10 items",
  },
  {
    name: "section field text <= 2000",
    ok: [{ type: "section", fields: [plain(x(2000))] }],
    bad: [{ type: "section", fields: [plain(x(2001))] }],
    problem: "fields[0].text: at most 2000",
  },
  { name: "header text <= 150", ok: [{ type: "header", text: plain(x(150)) }], bad: [{ type: "header", text: plain(x(151)) }], problem: "at most 150" },
  {
    name: "context <= 10 elements",
    ok: [{ type: "context", elements: times(10, () => plain("c")) }],
    bad: [{ type: "context", elements: times(11, () => plain("c")) }],
    problem: "elements: at most 10 items",
  },
  {
    name: "actions <= 25 elements",
    ok: [actions(...times(25, (i) => button({ action_id: `b${i}` })))],
    bad: [actions(...times(26, (i) => button({ action_id: `b${i}` })))],
    problem: "elements: at most 25 items",
  },
  {
    name: "button text <= 75",
    ok: [actions(button({ text: plain(x(75)) }))],
    bad: [actions(button({ text: plain(x(76)) }))],
    problem: "elements[0].text.text: at most 75",
  },
  {
    name: "button value <= 2000",
    ok: [actions(button({ value: x(2000) }))],
    bad: [actions(button({ value: x(2001) }))],
    problem: "elements[0].value: at most 2000",
  },
  { name: "action_id <= 255", ok: [actions(button({ action_id: x(255) }))], bad: [actions(button({ action_id: x(256) }))], problem: "action_id: at most 255" },
  { name: "block_id <= 255", ok: [{ ...section(), block_id: x(255) }], bad: [{ ...section(), block_id: x(256) }], problem: "block_id: at most 255" },
  {
    name: "plain_text_input max_length <= 3000",
    surface: "modal",
    ok: [input({ type: "plain_text_input", action_id: "t", max_length: 3000 })],
    bad: [input({ type: "plain_text_input", action_id: "t", max_length: 3001 })],
    problem: "max_length: must be an integer from 0 to 3000",
  },
  {
    name: "static_select <= 100 options",
    ok: [
      actions(
        select(
          "static_select",
          times(100, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    bad: [
      actions(
        select(
          "static_select",
          times(101, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    problem: "options: at most 100 items",
  },
  {
    name: "multi_static_select <= 100 options",
    ok: [
      actions(
        select(
          "multi_static_select",
          times(100, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    bad: [
      actions(
        select(
          "multi_static_select",
          times(101, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    problem: "options: at most 100 items",
  },
  {
    name: "option text <= 75",
    ok: [actions(select("static_select", [option(x(75))]))],
    bad: [actions(select("static_select", [option(x(76))]))],
    problem: "options[0].text.text: at most 75",
  },
  {
    name: "option value <= 75",
    ok: [actions(select("static_select", [option("o", x(75))]))],
    bad: [actions(select("static_select", [option("o", x(76))]))],
    problem: "options[0].value: at most 75",
  },
  {
    name: "checkboxes <= 10 options",
    ok: [
      actions(
        select(
          "checkboxes",
          times(10, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    bad: [
      actions(
        select(
          "checkboxes",
          times(11, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    problem: "options: at most 10 items",
  },
  {
    name: "radio_buttons <= 10 options",
    ok: [
      actions(
        select(
          "radio_buttons",
          times(10, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    bad: [
      actions(
        select(
          "radio_buttons",
          times(11, (i) => option("o", `v${i}`)),
        ),
      ),
    ],
    problem: "options: at most 10 items",
  },
  {
    name: "block_ids unique",
    ok: [
      { ...section(), block_id: "a" },
      { ...section(), block_id: "b" },
    ],
    bad: [
      { ...section(), block_id: "a" },
      { ...section(), block_id: "a" },
    ],
    problem: 'blocks[1].block_id: duplicate block_id "a"',
  },
  {
    name: "input blocks only in modals (message)",
    surface: "message",
    ok: [section()],
    bad: [input({ type: "plain_text_input", action_id: "t" })],
    problem: "input blocks are only allowed in modals",
  },
  {
    name: "input blocks only in modals (home)",
    surface: "home",
    ok: [section()],
    bad: [input({ type: "plain_text_input", action_id: "t" })],
    problem: "input blocks are only allowed in modals",
  },
  {
    name: "known block types",
    ok: [
      { type: "divider" },
      { type: "rich_text", elements: [] },
      { type: "file", external_id: "e", source: "remote" },
      { type: "image", image_url: "https://example.com/a.png", alt_text: "a" },
    ],
    bad: [{ type: "carousel" }],
    problem: 'unknown block type "carousel"',
  },
  {
    name: "known element types in actions",
    ok: [
      actions(
        button(),
        { type: "datepicker", action_id: "d" },
        { type: "users_select", action_id: "u" },
        { type: "overflow", action_id: "o", options: [option("a")] },
      ),
    ],
    bad: [actions({ type: "image", image_url: "https://example.com/a.png", alt_text: "a" })],
    problem: 'element type "image" is not allowed in an actions block',
  },
  {
    name: "known element types in input",
    surface: "modal",
    ok: [input({ type: "timepicker", action_id: "t" }), input({ type: "conversations_select", action_id: "c" }, "in2")],
    bad: [input(button())],
    problem: 'element type "button" is not allowed in an input block',
  },
  {
    name: "known element types as section accessory",
    ok: [{ ...section(), accessory: { type: "channels_select", action_id: "c" } }],
    bad: [{ ...section(), accessory: { type: "plain_text_input", action_id: "t" } }],
    problem: 'element type "plain_text_input" is not allowed in a section accessory',
  },
];

describe("validateBlocks", () => {
  it.each(cases)("$name", ({ surface = "message", ok, bad, problem }) => {
    expect(validateBlocks(ok, surface)).toEqual([]);
    const problems = validateBlocks(bad, surface);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it("requires an array of blocks with types", () => {
    expect(validateBlocks("[]", "message")).toEqual(["blocks: must be an array"]);
    expect(validateBlocks([{ text: "no type" }], "message")).toEqual(["blocks[0]: must be a block object with a type"]);
  });
});

describe("validateView", () => {
  const modal = (over: Record<string, unknown> = {}) => ({ type: "modal", title: plain("Title"), blocks: [section()], ...over });
  const viewCases: { name: string; ok: unknown; bad: unknown; problem: string }[] = [
    { name: "title <= 24", ok: modal({ title: plain(x(24)) }), bad: modal({ title: plain(x(25)) }), problem: "view.title.text: at most 24" },
    { name: "submit <= 24", ok: modal({ submit: plain(x(24)) }), bad: modal({ submit: plain(x(25)) }), problem: "view.submit.text: at most 24" },
    { name: "close <= 24", ok: modal({ close: plain(x(24)) }), bad: modal({ close: plain(x(25)) }), problem: "view.close.text: at most 24" },
    { name: "title is plain_text", ok: modal(), bad: modal({ title: { type: "mrkdwn", text: "t" } }), problem: "view.title.type: must be plain_text" },
    { name: "modal needs a title", ok: modal(), bad: modal({ title: undefined }), problem: "view.title: is required" },
    {
      name: "private_metadata <= 3000",
      ok: modal({ private_metadata: x(3000) }),
      bad: modal({ private_metadata: x(3001) }),
      problem: "view.private_metadata: at most 3000",
    },
    { name: "callback_id <= 255", ok: modal({ callback_id: x(255) }), bad: modal({ callback_id: x(256) }), problem: "view.callback_id: at most 255" },
    {
      name: "blocks <= 100",
      ok: modal({ blocks: times(100, () => section()) }),
      bad: modal({ blocks: times(101, () => section()) }),
      problem: "view.blocks: at most 100",
    },
    {
      name: "submit required with inputs",
      ok: modal({ submit: plain("Send"), blocks: [input({ type: "plain_text_input", action_id: "t" })] }),
      bad: modal({ blocks: [input({ type: "plain_text_input", action_id: "t" })] }),
      problem: "view.submit: is required when the modal has input blocks",
    },
    {
      name: "home: no title needed, no inputs",
      ok: { type: "home", blocks: [section()] },
      bad: { type: "home", blocks: [input({ type: "plain_text_input", action_id: "t" })] },
      problem: "input blocks are only allowed in modals",
    },
    { name: "type modal or home", ok: modal(), bad: modal({ type: "workflow_step" }), problem: 'view.type: must be "modal" or "home"' },
  ];

  it.each(viewCases)("$name", ({ ok, bad, problem }) => {
    expect(validateView(ok)).toEqual([]);
    const problems = validateView(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});
