-- A source set to full text has each new item's page fetched and read (issue 10): its summary-only feed becomes
-- full articles. The counts say how many pages were read and how many could not be; triggers of V88 keep them
-- from full_text_page, whichever process fetched.
alter table source add column full_text boolean not null default false;
alter table source add column full_text_fetched bigint not null default 0;
alter table source add column full_text_failures bigint not null default 0;
