module.exports = ({ id }) => {
  if (id === 999) {
    console.log("Found 999!");
  }
};
