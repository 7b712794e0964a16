export const task1 = () => "hi";
export const task2 = () => "hello";
