// The organisation most tests use.
export const ORG = {
  channels: { approvals: "C0APPROVALS", incidents: "C0INCIDENTS", compliance: "C0COMPLIANCE" },
  people: {
    employee: "U0EMPLOYEE", // 営業部 担当者
    employee2: "U0EMPLOYEE2",
    manager: "U0MANAGER", // 営業部 個人情報管理者
    manager2: "U0MANAGER2",
    soloManager: "U0SOLOMGR", // the only manager of 開発部
    chief: "U0CHIEF", // 個人情報管理責任者
    deputy: "U0DEPUTY",
    compliance: "U0COMPLY",
    auditor: "U0AUDITOR",
    admin: "U0ADMIN",
    english: "U0ENGLISH",
  },
};

export const ORG_YAML = `
channels: { approvals: C0APPROVALS, incidents: C0INCIDENTS, compliance: C0COMPLIANCE }
departments:
  - { id: sales, name: 営業部 }
  - { id: dev, name: 開発部, approvalsChannel: C0DEVAPPROVALS }
  - { id: legal, name: 法務部 }
people:
  - { slackId: U0EMPLOYEE, name: 山田 太郎, department: sales, roles: [handler] }
  - { slackId: U0EMPLOYEE2, name: 田中 一郎, department: sales, roles: [] }
  - { slackId: U0MANAGER, name: 鈴木 花子, department: sales, roles: [manager] }
  - { slackId: U0MANAGER2, name: 高橋 次郎, department: sales, roles: [manager] }
  - { slackId: U0SOLOMGR, name: 伊藤 美咲, department: dev, roles: [manager] }
  - { slackId: U0CHIEF, name: 佐藤 健, department: legal, roles: [chief] }
  - { slackId: U0DEPUTY, name: 渡辺 直子, department: legal, roles: [deputyChief] }
  - { slackId: U0COMPLY, name: 小林 誠, department: legal, roles: [compliance] }
  - { slackId: U0AUDITOR, name: 加藤 恵, department: legal, roles: [auditor] }
  - { slackId: U0ADMIN, name: 吉田 翔, department: legal, roles: [admin] }
  - { slackId: U0ENGLISH, name: Alex Smith, department: sales, roles: [] }
`;
