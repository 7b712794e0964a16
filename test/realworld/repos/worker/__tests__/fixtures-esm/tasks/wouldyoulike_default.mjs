const defaultCb = () => "some more sausages";
export { defaultCb as default };
