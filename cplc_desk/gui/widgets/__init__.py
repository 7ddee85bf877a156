"""Parts every feature's pages share: list pages and lazy models, form boxes, dialogs, banners, names and formats, background work and receipt printing."""
