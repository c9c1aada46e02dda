import { describe, expect, it } from "vitest";
import {
  hasRole,
  holds,
  holdsNamed,
  isAdmin,
  isAuditor,
  isChief,
  isChiefOrDeputy,
  isCompliance,
  isDeputyChief,
  isHandler,
  isManager,
  isManagerOf,
  managedDepartments,
  managerRole,
  mayExportAudit,
  mayHandleDsr,
  mayTriageIncidents,
  parseRole,
  parseRoleName,
  parseRoles,
  ROLE,
  ROLES,
  seesAllDepartments,
  seesAllTraining,
  type RoleHolder,
} from "../../src/directory/roles.js";

/** A person of the sales department with these stored roles. */
const inSales = (...roles: string[]): RoleHolder => ({ roles, departmentId: "sales" });

// Every question that takes only the roles, and who answers yes to it.
const QUESTIONS = {
  isChief: [isChief, ["chief"]],
  isDeputyChief: [isDeputyChief, ["deputyChief"]],
  isChiefOrDeputy: [isChiefOrDeputy, ["chief", "deputyChief"]],
  isCompliance: [isCompliance, ["compliance"]],
  isAuditor: [isAuditor, ["auditor"]],
  isHandler: [isHandler, ["handler"]],
  isAdmin: [isAdmin, ["admin"]],
  isManager: [isManager, ["manager", "manager:dev"]],
  mayTriageIncidents: [mayTriageIncidents, ["chief", "deputyChief", "compliance"]],
  seesAllDepartments: [seesAllDepartments, ["chief", "deputyChief", "compliance", "auditor"]],
  seesAllTraining: [seesAllTraining, ["chief", "deputyChief", "compliance"]],
  mayHandleDsr: [mayHandleDsr, ["handler", "manager", "manager:dev", "chief", "deputyChief", "compliance"]],
  mayExportAudit: [mayExportAudit, ["compliance", "auditor"]],
} as const satisfies Record<string, readonly [(p: RoleHolder) => boolean, readonly string[]]>;

/** Each role alone, a manager of another department, nobody, and strings that are no role. */
const HOLDERS: string[][] = [...ROLES.map((r) => [r]), ["manager:dev"], [], ["boss"], ["Chief"], ["manager:"], ["chief "], ["admin:sales"]];

describe("the questions, for each role alone", () => {
  for (const [name, [ask, yes]] of Object.entries(QUESTIONS)) {
    it(`${name}: yes for ${yes.join(", ")}; no for every other role, nobody and unknown strings`, () => {
      for (const roles of HOLDERS) {
        const expected = roles.length === 1 && (yes as readonly string[]).includes(roles[0]!);
        expect(ask(inSales(...roles)), `${name}(${JSON.stringify(roles)})`).toBe(expected);
      }
    });
  }

  it("several roles: any one that answers yes is enough; unknown strings next to a role change nothing", () => {
    expect(isChiefOrDeputy(inSales("handler", "deputyChief"))).toBe(true);
    expect(seesAllDepartments(inSales("admin", "auditor"))).toBe(true);
    expect(mayTriageIncidents(inSales("auditor", "admin", "handler", "manager"))).toBe(false);
    expect(isChief(inSales("boss", "chief"))).toBe(true);
    expect(mayHandleDsr(inSales("boss", "admin"))).toBe(false);
  });

  it("only the roles are read: the questions hold for a person with no department", () => {
    expect(isManager({ roles: ["manager"] })).toBe(true);
    expect(mayHandleDsr({ roles: ["manager:dev"] })).toBe(true);
    expect(isChief({ roles: ["chief"] })).toBe(true);
  });
});

describe("a manager and their departments", () => {
  it("plain manager: of their own department only", () => {
    const p = inSales("manager");
    expect(isManagerOf(p, "sales")).toBe(true);
    expect(isManagerOf(p, "dev")).toBe(false);
    expect(managedDepartments(p)).toEqual(["sales"]);
  });

  it("manager:<d>: of that department, not of their own", () => {
    const p = inSales("manager:dev");
    expect(isManagerOf(p, "dev")).toBe(true);
    expect(isManagerOf(p, "sales")).toBe(false);
    expect(isManagerOf(p, "legal")).toBe(false);
    expect(managedDepartments(p)).toEqual(["dev"]);
  });

  it("both, their own first, each once", () => {
    const p = inSales("manager:dev", "manager", "manager:legal", "manager:dev", "manager:sales");
    expect(managedDepartments(p)).toEqual(["sales", "dev", "legal"]);
    for (const d of ["sales", "dev", "legal"]) expect(isManagerOf(p, d)).toBe(true);
    expect(isManagerOf(p, "hr")).toBe(false);
  });

  it("a plain manager without a department manages none, but is a manager", () => {
    const p: RoleHolder = { roles: ["manager"], departmentId: null };
    expect(managedDepartments(p)).toEqual([]);
    expect(isManagerOf(p, "sales")).toBe(false);
    expect(isManager(p)).toBe(true);
  });

  it("nobody else manages: the chief, the deputy, other roles, unknown strings", () => {
    for (const roles of [["chief"], ["deputyChief"], ["compliance"], ["auditor"], ["handler"], ["admin"], [], ["boss"], ["manager:"], ["Manager"]]) {
      const p = inSales(...roles);
      expect(isManagerOf(p, "sales"), roles.join()).toBe(false);
      expect(managedDepartments(p), roles.join()).toEqual([]);
    }
  });
});

describe("holding a role", () => {
  it("hasRole: manager means a manager of any department; other roles exactly", () => {
    expect(hasRole(inSales("manager:dev"), "manager")).toBe(true);
    expect(hasRole(inSales("manager"), "manager")).toBe(true);
    expect(hasRole(inSales("chief"), "deputyChief")).toBe(false);
    for (const r of ROLES) expect(hasRole(inSales(r), r)).toBe(true);
  });

  it("holds: the stored role exactly", () => {
    expect(holds(inSales("manager:dev"), "manager")).toBe(false);
    expect(holds(inSales("manager:dev"), managerRole("dev"))).toBe(true);
    expect(holds(inSales("chief"), ROLE.chief)).toBe(true);
  });

  it("holdsNamed: a role stored as text elsewhere (a duty's owner); text that is no role is held by nobody", () => {
    expect(holdsNamed(inSales("auditor"), "auditor")).toBe(true);
    expect(holdsNamed(inSales("chief"), "auditor")).toBe(false);
    expect(holdsNamed(inSales("boss"), "boss")).toBe(false);
    expect(holdsNamed(inSales("manager:dev"), "manager:dev")).toBe(true);
  });
});

describe("parsing", () => {
  it("parseRole: the seven names and manager:<d>; anything else is null", () => {
    for (const r of ROLES) expect(parseRole(r)).toBe(r);
    expect(parseRole("manager:dev")).toBe("manager:dev");
    for (const s of ["", "boss", "Chief", "chief ", "manager:", "admin:sales", "MANAGER:dev"]) expect(parseRole(s), JSON.stringify(s)).toBeNull();
  });

  it("parseRoles keeps the roles in their order and names the strings that are no role", () => {
    expect(parseRoles(["handler", "boss", "manager:dev", "Chief", "chief"])).toEqual({
      roles: ["handler", "manager:dev", "chief"],
      unknown: ["boss", "Chief"],
    });
    expect(parseRoles([])).toEqual({ roles: [], unknown: [] });
  });

  it("parseRoleName: what a person types, in any letter case; not manager:<d>", () => {
    expect(parseRoleName("deputychief")).toBe("deputyChief");
    expect(parseRoleName(" ADMIN ")).toBe("admin");
    expect(parseRoleName("manager:dev")).toBeNull();
    expect(parseRoleName("boss")).toBeNull();
  });

  it("the constants are the stored names", () => {
    expect(Object.values(ROLE)).toEqual([...ROLES]);
    expect(managerRole("dev")).toBe("manager:dev");
  });
});
