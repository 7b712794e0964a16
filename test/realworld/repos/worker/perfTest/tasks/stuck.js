module.exports = () => {
  console.error("SHOULD NOT RUN - STUCK!");
};
