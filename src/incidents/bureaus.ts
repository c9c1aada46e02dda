// The regional bureaus of the Ministry of Internal Affairs and Communications (総合通信局等):
// a telecom carrier's personal-data 速報/確報 go to the bureau of its head office's region
// (the PPC's power over 漏えい等報告 is delegated to the ministry, APPI Art.150). The ids
// are the settings file's `company.bureau` values; the names are the bureaus' own.
// Constants only (src/settings.ts imports them).

export const BUREAUS = {
  hokkaido: { ja: "北海道総合通信局", en: "Hokkaido Bureau of Telecommunications" },
  tohoku: { ja: "東北総合通信局", en: "Tohoku Bureau of Telecommunications" },
  kanto: { ja: "関東総合通信局", en: "Kanto Bureau of Telecommunications" },
  shinetsu: { ja: "信越総合通信局", en: "Shinetsu Bureau of Telecommunications" },
  hokuriku: { ja: "北陸総合通信局", en: "Hokuriku Bureau of Telecommunications" },
  tokai: { ja: "東海総合通信局", en: "Tokai Bureau of Telecommunications" },
  kinki: { ja: "近畿総合通信局", en: "Kinki Bureau of Telecommunications" },
  chugoku: { ja: "中国総合通信局", en: "Chugoku Bureau of Telecommunications" },
  shikoku: { ja: "四国総合通信局", en: "Shikoku Bureau of Telecommunications" },
  kyushu: { ja: "九州総合通信局", en: "Kyushu Bureau of Telecommunications" },
  okinawa: { ja: "沖縄総合通信事務所", en: "Okinawa Office of Telecommunications" },
} as const;
export type BureauId = keyof typeof BUREAUS;
export const BUREAU_IDS = Object.keys(BUREAUS) as BureauId[];
