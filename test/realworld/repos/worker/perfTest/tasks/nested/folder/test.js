module.exports = async (payload) => {
  console.dir(payload);
};
