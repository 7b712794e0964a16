export const t1 = () => "come with me";
export const t2 = () => "if you want to live";
