// Stylesheets mean nothing to jsdom: an empty module stands in for every .scss/.css import.
module.exports = {};
