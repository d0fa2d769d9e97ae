create table minimal_note (id bigserial primary key, text text not null);
