-- What a source says of an entry's lead image (issue 10, "Media"): Media RSS gives its type, size, caption and
-- credit; aggregators show them beside the image. image_url stays the image's address; all are null when unknown.
alter table entry
    add column image_type text,
    add column image_width integer check (image_width > 0),
    add column image_height integer check (image_height > 0),
    add column image_caption text,
    add column image_credit text;
