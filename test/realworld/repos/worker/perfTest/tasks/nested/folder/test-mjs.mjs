export default async (payload) => {
  console.dir(payload);
};
