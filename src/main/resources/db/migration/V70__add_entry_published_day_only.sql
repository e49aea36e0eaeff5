-- Whether published_at is only a day: the source stated a date without a time of day ("(19/12/2022)", a
-- "Baca juga" address such as /2022/12/20/...). Such a date is stored as midnight in Asia/Jakarta, the
-- convention Atom and RSS carry, and pages show the day alone. A time of day on that day replaces it.
alter table entry add column published_day_only boolean not null default false;
