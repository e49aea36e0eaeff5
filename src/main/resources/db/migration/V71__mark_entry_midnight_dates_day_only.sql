-- Before V70, a desk article or stub at exactly midnight in Jakarta had its date from a day-only statement
-- (the text format's "(19/12/2022)", a date-only ?published=, or the article that dated the stub): the pages
-- guessed so from the time. Entries stored then keep that reading; upstream items always state a time.
update entry set published_day_only = true
where kind in ('article', 'stub')
  and (published_at at time zone 'Asia/Jakarta')::time = time '00:00';
