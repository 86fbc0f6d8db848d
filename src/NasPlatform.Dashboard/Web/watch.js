// The dashboard watches its sources: the server sends "catalog" when the list of experiments changes (a store
// appeared in a watched folder, a run added an experiment or changed its status); the page then re-reads the
// list, and a page that showed none picks the first. Until there is one, the header says what is watched.
"use strict";

const Watch = {
  start(reload) {
    const source = new EventSource("api/events");
    source.addEventListener("catalog", (event) => {
      const count = Number(event.data.split(";")[0]);
      if (count === 0) Watch.waiting().catch(showError);
      else reload().catch(showError);
    });
  },

  async waiting() {
    const sources = await getJson("api/sources");
    const watched = [...sources.folders, ...sources.waiting];
    $("live").textContent = `watching ${watched.join(", ") || "the named stores"}: no experiment yet; start one with \`nas run FILE\` and it appears here`;
  },
};
