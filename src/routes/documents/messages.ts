// Everything the documents of a request say, in Japanese and English.
import { catalogue } from "../../platform/i18n.js";

const ja = {
  filesLabel: "添付文書",
  filesHint: "契約書案（委託）、同意文面、共同利用の通知文、リスク評価など。ファイル名・サイズ・ハッシュが届出の版とともに記録されます。",
  filesHintRevise: "新しいファイルを添付すると、この版の文書はそれに置き換わります。添付しなければ前の版の文書を引き継ぎます。",
  linksLabel: "文書のリンク",
  linksHint: "社内の文書管理システムなどにある文書の URL を1行に1つ（https:// で始まるもの、最大5件）。",
  header: "添付文書",
  none: "添付文書はありません。",
  sizeKb: (kb: string) => `${kb} KB`,
  hashOf: {
    content: "内容の SHA-256",
    file_metadata: "Slack のファイルID・サイズ・名前の SHA-256（内容は取得できませんでした）",
    link: "URL の SHA-256（リンク先の内容は記録していません）",
  } as Record<string, string>,
  line: (name: string, size: string, hash: string, hashOf: string) => `• ${name}${size ? `（${size}）` : ""}\n    ${hashOf}: \`${hash}\``,
  currentDocs: (list: string) => `現在の文書：${list}`,
  errors: {
    notUrl: "https:// で始まる URL を1行に1つ書いてください。",
    tooManyLinks: "リンクは5件までです。",
    tooManyFiles: "ファイルは5件までです。",
    tooBig: "10MB を超えるファイルは添付できません。",
    pii: "URL に個人情報（メールアドレス・電話番号など）が含まれているようです。",
  },
};

const en: typeof ja = {
  filesLabel: "Documents",
  filesHint:
    "The contract draft (entrustment), the consent text, the joint-use notice, a risk assessment… Name, size and hash are recorded with the request's version.",
  filesHintRevise: "New files replace this version's documents. Without new files the previous version's documents are carried over.",
  linksLabel: "Links to documents",
  linksHint: "URLs of documents kept elsewhere (a document system), one a line, starting with https:// (at most 5).",
  header: "Documents",
  none: "No documents.",
  sizeKb: (kb) => `${kb} KB`,
  hashOf: {
    content: "SHA-256 of the content",
    file_metadata: "SHA-256 of Slack's file id, size and name (the content could not be fetched)",
    link: "SHA-256 of the URL (the linked content is not recorded)",
  },
  line: (name, size, hash, hashOf) => `• ${name}${size ? ` (${size})` : ""}\n    ${hashOf}: \`${hash}\``,
  currentDocs: (list) => `Current documents: ${list}`,
  errors: {
    notUrl: "Give one URL starting with https:// a line.",
    tooManyLinks: "At most 5 links.",
    tooManyFiles: "At most 5 files.",
    tooBig: "Files over 10 MB cannot be attached.",
    pii: "A URL seems to contain personal data (an e-mail address, a phone number, …).",
  },
};

export const documentMessages = catalogue(ja, en);
