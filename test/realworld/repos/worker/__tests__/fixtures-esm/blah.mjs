export const rand = () => 100 * Math.random();
