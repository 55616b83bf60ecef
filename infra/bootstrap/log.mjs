export const say = (message) => console.log(`[clipforge] ${message}`);
export const fail = (message) => {
  console.error(`[clipforge] ${message}`);
  process.exit(1);
};
