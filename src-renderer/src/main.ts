import { mount } from 'svelte';
import App from './ui/app/App.svelte';
import './ui/app/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
mount(App, { target });
