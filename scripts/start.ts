// The main job. Until the demo portal exists it prints the Putian summary.
console.log('Jiceng: the demo portal is not built yet.');
