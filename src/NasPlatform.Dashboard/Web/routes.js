// The page's state in its URL, so every view can be bookmarked, shared and reached with the back button:
// #e=EXPERIMENT&t=TRIAL&sort=COLUMN[:desc]&state=&metric=&min=&max=&cols=&chart=VIEW&choice=CHOICE
"use strict";

const Routes = {
  read() {
    return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  },

  // Changes the named parts (null or "" removes one). push: a new history entry (a navigation: experiment, trial,
  // chart, sort); otherwise the current entry is replaced (typing in a filter box).
  write(changes, push) {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const [name, value] of Object.entries(changes)) {
      if (value == null || value === "") params.delete(name); else params.set(name, String(value));
    }
    const hash = "#" + params.toString();
    if (hash === location.hash || (hash === "#" && location.hash === "")) return;
    if (push) history.pushState(null, "", hash); else history.replaceState(null, "", hash);
  },
};
