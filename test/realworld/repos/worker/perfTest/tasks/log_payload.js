module.exports = (payload) => {
  console.dir(payload);
};
