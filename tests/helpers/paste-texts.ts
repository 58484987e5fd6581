// Two texts to paste and align where the aligner cannot be sure: the Chinese of "The city
// also opened a …" could translate the park or the library.

export const UNSURE_PASTE = {
  english: [
    "The new bridge over the Jialu River opened on Friday after two years of work.",
    "The city also opened a park.",
    "The city also opened a library.",
    "About 3,000 people crossed the bridge on its first day, many of them on bicycles.",
  ].join("\n\n"),
  chinese: ["横跨贾鲁河的新桥经过两年施工，于周五通车。", "市里还开放了一处新场馆。", "通车首日约有3000人走过大桥，其中很多人骑自行车。"].join("\n"),
};
